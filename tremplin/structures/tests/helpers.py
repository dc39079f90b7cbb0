from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import ContractStatus
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status


def contracts_on(worksite, programme, count: int, status=ContractStatus.ACTIVE) -> None:
    """`count` people in contract on `worksite`, in `programme` of the worksite's structure."""
    for _ in range(count):
        pathway = PathwayFactory(person__structure=worksite.structure, programme=programme, status=Status.IN_CONTRACT)
        ContractFactory(pathway=pathway, worksite=worksite, status=status)
