from functools import cache

from . import belgium_article60, france_siae, italy_coop_b
from .base import ProgrammeKind, RuleSet

__all__ = ["ProgrammeKind", "RuleSet", "get_rules"]


@cache
def get_rules(kind: str) -> RuleSet:
    if kind in (ProgrammeKind.FR_ACI, ProgrammeKind.FR_EI, ProgrammeKind.FR_AI, ProgrammeKind.FR_ETTI):
        return france_siae.build(kind)
    if kind == ProgrammeKind.BE_ARTICLE_60:
        return belgium_article60.BelgiumArticle60()
    if kind == ProgrammeKind.IT_COOP_B:
        return italy_coop_b.ItalyCoopB()
    raise KeyError(f"unknown programme kind: {kind}")
