"""The data types: each hand-written ``__init__`` (see scoring/types.py) takes exactly the dataclass's fields, in
order, with the same defaults, and stores each one; built either way, the objects are frozen dataclasses."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import scoring.quotes
import scoring.types

ROOT = Path(__file__).resolve().parents[2]
CLASSES = [(module, name) for module in (scoring.types, scoring.quotes)
           for name, obj in vars(module).items()
           if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__
           and not name.startswith("_")]


def _written_init(module, name: str) -> ast.FunctionDef:
    tree = ast.parse((ROOT / "scoring" / f"{module.__name__.split('.')[-1]}.py").read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)
    return next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")


def test_every_type_is_covered():
    names = {name for _, name in CLASSES}
    assert {"Span", "Sentence", "Document", "Attribution", "Source", "Report", "Quote"} <= names
    assert len(CLASSES) == 17


@pytest.mark.parametrize("module, name", CLASSES, ids=[name for _, name in CLASSES])
def test_written_init_takes_and_stores_the_fields_in_order(module, name):
    cls = getattr(module, name)
    init = _written_init(module, name)
    fields = dataclasses.fields(cls)
    params = [a.arg for a in init.args.args[1:]]
    assert params == [f.name for f in fields]
    defaults = [ast.literal_eval(d) for d in init.args.defaults]
    assert defaults == [f.default for f in fields if f.default is not dataclasses.MISSING]
    stored = [(s.targets[0].attr, s.value.id) for s in init.body if isinstance(s, ast.Assign)]
    assert stored == [(f.name, f.name) for f in fields]


def _annotations(cls) -> dict[str, str]:
    """The fields' annotations as written (compiled, ``Field.type`` is only ``type`` or ``tuple``)."""
    module = cls.__module__.split(".")[-1]
    tree = ast.parse((ROOT / "scoring" / f"{module}.py").read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
    return {n.target.id: ast.unparse(n.annotation) for n in node.body if isinstance(n, ast.AnnAssign)}


def _sample(annotation: str, k: int):
    """A value of the annotated type (compiled, the classes check their fields' types)."""
    simple = {"int": k, "float": k + 0.5, "bool": True, "str": f"v{k}"}
    first = annotation.replace("scoring.types.", "").split(" | ")[0]
    if first in simple:
        return simple[first]
    if first.startswith("tuple["):
        return ()
    return _build(getattr(scoring.types, first))


def _build(cls, positional: bool = False):
    written = _annotations(cls)
    values = {f.name: (f.default if f.default is not dataclasses.MISSING else _sample(written[f.name], k))
              for k, f in enumerate(dataclasses.fields(cls))}
    return cls(*values.values()) if positional else cls(**values)


@pytest.mark.parametrize("module, name", CLASSES, ids=[name for _, name in CLASSES])
def test_built_objects_are_frozen_and_equal_by_value(module, name):
    cls = getattr(module, name)
    first, second = _build(cls), _build(cls, positional=True)
    assert first == second and hash(first) == hash(second)
    written = _annotations(cls)
    for k, f in enumerate(dataclasses.fields(cls)):
        expected = f.default if f.default is not dataclasses.MISSING else _sample(written[f.name], k)
        assert getattr(first, f.name) == expected
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(first, dataclasses.fields(cls)[0].name, "changed")
