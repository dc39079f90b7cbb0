"""Programme rules, one module per country's programme.

`get_rules(kind)` returns the rule set of a programme kind. Each rule set
exposes the same small interface (see `RuleSet` in `registry`).
"""

from .registry import ProgrammeKind, RuleSet, get_rules

__all__ = ["ProgrammeKind", "RuleSet", "get_rules"]
