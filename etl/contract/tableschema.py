"""Frictionless Table Schemas generated from the Pandera models, never written by hand."""

from __future__ import annotations

import json
from pathlib import Path

from etl.contract import schemas

# Pandera dtype names → Table Schema field types.
FIELD_TYPES = {
    "str": "string",
    "string": "string",
    "int64": "integer",
    "Int64": "integer",
    "float64": "number",
    "Float64": "number",
    "bool": "boolean",
    "boolean": "boolean",
}

# Pandera check name → how its statistics become Table Schema constraints.
CONSTRAINTS = {
    "greater_than_or_equal_to": lambda s: {"minimum": s["min_value"]},
    "less_than_or_equal_to": lambda s: {"maximum": s["max_value"]},
    "isin": lambda s: {"enum": list(s["allowed_values"])},
    "str_matches": lambda s: {"pattern": s["pattern"]},
    "str_length": lambda s: {
        k: v
        for k, v in (("minLength", s.get("min_value")), ("maxLength", s.get("max_value")))
        if v is not None
    },
}


def field_type(dtype: object) -> str:
    name = str(dtype)
    if name.startswith("string") or name == "str":
        return "string"
    try:
        return FIELD_TYPES[name]
    except KeyError:
        msg = f"no Table Schema type for Pandera dtype {name!r}; add it to FIELD_TYPES"
        raise ValueError(msg) from None


def table_schema(resource: str) -> dict:
    """The Table Schema of one resource, derived from its Pandera model."""
    pandera_schema = schemas.MODELS[resource].to_schema()
    fields = []
    for name in schemas.columns(resource):
        column = pandera_schema.columns[name]
        constraints: dict = {}
        if not column.nullable:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        for check in column.checks:
            if check.name not in CONSTRAINTS:
                msg = f"{resource}.{name}: no Table Schema constraint for check {check.name!r}"
                raise ValueError(msg)
            constraints.update(CONSTRAINTS[check.name](check.statistics))
        field = {"name": name, "type": field_type(column.dtype)}
        if column.description:
            field["description"] = column.description
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict = {"fields": fields, "primaryKey": schemas.primary_key(resource)}
    fks = schemas.foreign_keys(resource)
    if fks:
        schema["foreignKeys"] = [
            {"fields": col, "reference": {"resource": ref, "fields": ref_col}}
            for col, ref, ref_col in fks
        ]
    return schema


def write_schemas(folder: Path) -> list[Path]:
    """Write every resource's Table Schema as `<resource>.schema.json` for contributors."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in schemas.MODELS:
        path = folder / f"{resource}.schema.json"
        path.write_text(json.dumps(table_schema(resource), indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written
