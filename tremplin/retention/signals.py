from django.dispatch import Signal

# Sent inside the person's purge transaction, after their identity is removed, with
# `person` and `today`: apps holding more about a person (documents, exports) delete it there.
person_anonymised = Signal()
