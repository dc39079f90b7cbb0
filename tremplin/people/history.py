"""Forgetting the history of changes of a person whose data is erased or anonymised.

The history tables keep every former value (name, address, contract reasons…), and
deleting a record writes one more row holding its last values. Erasure and
anonymisation must therefore also call `forget_history` — after deleting or
anonymising, so that the rows written by that very operation go too. Which tables:
every model declared `history=True` in the personal-data registry (decision 0010).
"""

from django.db import transaction

from tremplin.core import personal_data


def forget_history(person_id: int) -> int:
    """Deletes the history rows of every declared record of the person (found by primary key through
    the history tables too: the records may be gone already). Returns the number of rows deleted."""
    with transaction.atomic():
        ids = personal_data.record_ids(person_id)
        deleted = 0
        for declaration in personal_data.personal():
            past = personal_data.history_model(declaration.model_class) if declaration.history else None
            if past is not None:
                deleted += past.objects.filter(id__in=ids[declaration.model_class]).delete()[0]
    return deleted
