#!/usr/bin/env python3
"""Generates api-model's per-type schema constraint tables from Kuma's OpenAPI schemas.

Kuma checks every new-style resource (spec under `spec:`) against the structural schema of its
`<Type>Item` in the type's `rest.yaml` before binding it. This script reads those schemas from a
Kuma checkout at a tag and writes, per type, the part of the schema that validation uses. Run once
per Kuma release we track; the output is committed:

    tools/gen-schema-constraints.py /work/.mirror/kumahq+kuma/repo v2.14.3 \
        api-model/src/main/resources/org/kumaj/model/schema

Output: one `<Type>.json` per type, plus `index.txt` listing the types. Each node keeps only
`type`, `format`, `enum`, `default`, `minimum`, `maximum`, `exclusiveMinimum`,
`exclusiveMaximum`, `minLength`, `maxLength`, `pattern`, `minItems`, `maxItems`, `required`,
`nullable`, `x-kubernetes-int-or-string`, `x-kubernetes-preserve-unknown-fields`, `anyOf`,
`items`, `properties` and `additionalProperties`, in that order; descriptions, examples,
`readOnly` and list-type markers are dropped. `properties` keep Kuma's declaration order (Kuma's
validator walks them in Go map order, i.e. randomly; ours reports siblings in this order).
`default` is kept because Kuma applies structural defaulting before it validates (a defaulted
field is never reported missing).

The script refuses schema keywords the Java validator (api-model `org.kumaj.model.schema`) does
not implement (oneOf, allOf, not, multipleOf, uniqueItems, min/maxProperties, patternProperties,
...), an anyOf other than int-or-string's `[{type: integer}, {type: string}]`, enum values other
than all-strings or all-integers and bounds that do not fit the declared integer format, so a Kuma
upgrade that needs more fails here rather than silently validating less.
"""
import json
import os
import subprocess
import sys

import yaml

KEPT = ["type", "format", "enum", "default", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "required",
        "nullable", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields", "anyOf",
        "items", "properties", "additionalProperties"]
DROPPED = {"description", "example", "readOnly", "title", "x-kubernetes-list-map-keys",
           "x-kubernetes-list-type", "x-kubernetes-map-type"}
TYPES = {"object", "array", "string", "integer", "number", "boolean"}
FORMATS = {"int32", "int64", "date-time", "byte"}
INT_RANGE = {"int32": (-2 ** 31, 2 ** 31 - 1), "int64": (-2 ** 63, 2 ** 63 - 1),
             "": (-2 ** 63, 2 ** 63 - 1)}


def fail(path, message):
    sys.exit("%s: %s" % (path, message))


def prune(node, path):
    """The validation-relevant part of one schema node, keys in KEPT order."""
    if not isinstance(node, dict):
        fail(path, "schema is not a mapping")
    unknown = set(node) - set(KEPT) - DROPPED
    if unknown:
        fail(path, "unsupported schema keywords %s" % sorted(unknown))
    out = {}
    for key in KEPT:
        if key not in node:
            continue
        value = node[key]
        if key == "type":
            if value not in TYPES:
                fail(path, "unsupported type %r" % (value,))
        elif key == "format":
            if value not in FORMATS:
                fail(path, "unsupported format %r" % (value,))
        elif key == "enum":
            if not isinstance(value, list) or not (
                    all(isinstance(v, str) for v in value)
                    or all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
                fail(path, "enum values must be all strings or all integers: %r" % (value,))
        elif key in ("minimum", "maximum"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                fail(path, "%s must be a number" % key)
            if node.get("type") == "integer":
                low, high = INT_RANGE.get(node.get("format", ""), INT_RANGE[""])
                if value != int(value) or not low <= value <= high:
                    fail(path, "%s %r does not fit the integer format" % (key, value))
        elif key in ("exclusiveMinimum", "exclusiveMaximum", "nullable",
                     "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields"):
            if not isinstance(value, bool):
                fail(path, "%s must be a boolean" % key)
            if not value:
                continue
        elif key in ("minLength", "maxLength", "minItems", "maxItems"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                fail(path, "%s must be a non-negative integer" % key)
        elif key == "pattern":
            if not isinstance(value, str):
                fail(path, "pattern must be a string")
        elif key == "required":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                fail(path, "required must list field names")
        elif key == "anyOf":
            value = [prune(v, "%s/anyOf[%d]" % (path, i)) for i, v in enumerate(value)]
            if value != [{"type": "integer"}, {"type": "string"}]:
                fail(path, "only int-or-string anyOf is supported: %r" % (value,))
        elif key == "items":
            value = prune(value, path + "[]")
        elif key == "properties":
            if not all(isinstance(k, str) for k in value):
                fail(path, "property names must be strings")
            value = {k: prune(v, path + "." + k) for k, v in value.items()}
        elif key == "additionalProperties":
            if isinstance(value, bool):
                if value:
                    continue
            else:
                value = prune(value, path + "{}")
        out[key] = value
    return out


def git(repo, *args):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, check=True).stdout


def item_schemas(repo, tag):
    """(type name, rest.yaml path, Item schema) for every new-style type at the tag."""
    files = [f for f in git(repo, "ls-tree", "-r", "--name-only", tag, "pkg").decode().splitlines()
             if f.endswith("/rest.yaml")]
    for f in sorted(files):
        doc = yaml.safe_load(git(repo, "show", "%s:%s" % (tag, f)))
        for name, schema in doc.get("components", {}).get("schemas", {}).items():
            if not name.endswith("Item"):
                continue
            type_enum = schema.get("properties", {}).get("type", {}).get("enum", [])
            if type_enum != [name[:-len("Item")]]:
                fail(f, "%s does not declare its type name" % name)
            yield type_enum[0], f, schema


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    repo, tag, out_dir = sys.argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    names = []
    for type_name, source, schema in item_schemas(repo, tag):
        if type_name in names:
            fail(source, "type %s declared twice" % type_name)
        names.append(type_name)
        table = {"kuma": "%s:%s#/components/schemas/%sItem" % (tag, source, type_name),
                 "schema": prune(schema, type_name)}
        with open(os.path.join(out_dir, type_name + ".json"), "w", encoding="utf-8") as out:
            json.dump(table, out, indent=1, ensure_ascii=False)
            out.write("\n")
    with open(os.path.join(out_dir, "index.txt"), "w", encoding="utf-8") as out:
        out.write("".join(n + "\n" for n in sorted(names)))
    print("wrote %d constraint tables to %s" % (len(names), out_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
