"""Load YAML files into pydantic models with errors that name the file, line and field;
load the JSON a component saved (``to_disk``) back into its model."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError, Errors
from .models import PipelineConfig

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs"
DEFAULT_PIPELINE_CONFIG = CONFIG_DIR / "pipeline.yaml"

M = TypeVar("M", bound=BaseModel)


def node_at(node: yaml.Node | None, loc: tuple[Any, ...]) -> yaml.Node | None:
    """Walk a composed YAML node along a pydantic error location; the deepest node found."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(key)), None)
            if child is None:
                child = next((k for k, _ in node.value if k.value == str(key)), None)
                return child or node
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def validation_messages(path: Path | str, text: str, err: ValidationError) -> list[str]:
    """One ``file:line: field 'a.b': reason`` message for each problem of ``err``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None
    out = []
    for problem in err.errors():
        loc = tuple(problem["loc"])
        node = node_at(root, loc)
        line = node.start_mark.line + 1 if node is not None else 1
        field = ".".join(str(p) for p in loc) or "<root>"
        out.append(Errors.E005.format(path=path, line=line, field=field, reason=problem["msg"]))
    return out


def load_yaml_model(path: Path | str, model: type[M], *, error: type[Exception] = ConfigError) -> M:
    """Read ``path`` and validate it as ``model``; raise ``error`` naming file, line, field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(Errors.E022.format(path=path, reason=exc)) from exc
    return parse_yaml_model(text, model, path=path, error=error)


def load_json_model(path: Path | str, model: type[M], *, error: type[Exception] = ConfigError) -> M:
    """Read ``path``, JSON written by ``model.model_dump_json`` (a component's saved data),
    and validate it as ``model``; raise ``error`` naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(Errors.E022.format(path=path, reason=exc)) from exc
    try:
        return model.model_validate_json(text)
    except ValidationError as exc:
        raise error(Errors.E023.format(path=path, model=model.__name__, reason=exc)) from exc


def parse_yaml_model(
    text: str, model: type[M], *, path: Path | str = "<string>", error: type[Exception] = ConfigError
) -> M:
    """Validate YAML ``text`` as ``model``; errors name ``path``, the line and the field."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise error(Errors.E021.format(path=path, reason=exc)) from exc
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        raise error("\n".join(validation_messages(path, text, exc))) from exc


def load_pipeline_config(path: Path | str | None = None) -> tuple[PipelineConfig, Path]:
    """The pipeline config and the folder its relative paths are resolved against."""
    path = Path(path) if path else DEFAULT_PIPELINE_CONFIG
    return load_yaml_model(path, PipelineConfig), path.resolve().parent
