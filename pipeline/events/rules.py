"""What the grouping knows of each predicate, read from configs/predicates.yaml (flags,
never a predicate's name in code): ``symmetric`` (arguments unordered), ``one_time`` (one
event per key, disagreements flagged), ``lasting`` (one event per key, a state whose
dates may differ), ``event_args`` (the arguments that identify its events) and
``window_days`` (how long before its article an undated report may fall)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..models import PredicatesConfig


@dataclass(frozen=True)
class EventRules:
    """The grouping's per-predicate knowledge."""

    symmetric: frozenset[str] = frozenset()
    one_time: frozenset[str] = frozenset()
    lasting: frozenset[str] = frozenset()
    event_args: tuple[tuple[str, str], ...] = ()
    windows: tuple[tuple[str, int], ...] = ()
    default_window: int = 3
    _windows: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _args: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._windows.update(self.windows)
        self._args.update(self.event_args)

    def args(self, predicate: str) -> str:
        """Which arguments tell the predicate's events apart: ``both``, ``subject`` or ``object``."""
        return self._args.get(predicate, "both")

    def single(self, predicate: str) -> bool:
        """Every report of a key of ``predicate`` is one event (``one_time`` or ``lasting``)."""
        return predicate in self.one_time or predicate in self.lasting

    def window(self, predicate: str) -> int:
        """Days before its article's ``published`` date an undated report of ``predicate`` may fall."""
        return self._windows.get(predicate, self.default_window)


def rules_from_config(config: PredicatesConfig) -> EventRules:
    specs = config.predicates
    return EventRules(
        symmetric=frozenset(s.name for s in specs if s.symmetric),
        one_time=frozenset(s.name for s in specs if s.one_time),
        lasting=frozenset(s.name for s in specs if s.lasting),
        event_args=tuple(sorted((s.name, s.event_args) for s in specs if s.event_args != "both")),
        windows=tuple(sorted((s.name, s.window_days) for s in specs if s.window_days is not None)),
        default_window=config.event_window_days,
    )


@lru_cache(maxsize=8)
def _load(path: str) -> EventRules:
    from ..config import load_yaml_model

    return rules_from_config(load_yaml_model(Path(path), PredicatesConfig))


def load_rules(config: Path | str | None = None) -> EventRules:
    """The rules of the predicates file that the pipeline config ``config`` names (default:
    configs/pipeline.yaml); :class:`~pipeline.errors.ConfigError` when it is invalid."""
    from ..config import load_pipeline_config

    pipeline_config, base = load_pipeline_config(config)
    return _load(str((base / pipeline_config.predicates).resolve()))
