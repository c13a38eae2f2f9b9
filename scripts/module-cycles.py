#!/usr/bin/env python3
"""The app's modules must not import each other in a circle (docs/ARCHITECTURE.md).

Reads every `crate::…` path in src/ (use declarations and inline paths), maps each file to its
module (src/components/schermen/start.rs → components::schermen) — a folder's files are one
module unless it is `components`, whose folders are, or `hooks`, whose files are (one hook per
file: hooks::use_signing may use the editor, which uses hooks::use_autosave) — and fails with the circle when the
module graph has one. Run by scripts/test.sh."""
import os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')

def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib', 'main'):
        rel = rel[:-1]
    if not rel:
        return 'crate'
    if rel[0] in ('components', 'hooks') and len(rel) >= 2:
        return '::'.join(rel[:2])
    return rel[0]

def target_of(path_text):
    parts = path_text.split('::')
    if parts[0] in ('components', 'hooks') and len(parts) >= 2 and parts[1] not in ('{',):
        return '::'.join(parts[:2])
    return parts[0]

edges = {}
for dirpath, _, files in os.walk(ROOT):
    for f in files:
        if not f.endswith('.rs'):
            continue
        p = os.path.join(dirpath, f)
        src = open(p, encoding='utf8').read()
        src = re.sub(r'//[^\n]*', '', src)
        m = module_of(p)
        for t in re.findall(r'crate::((?:[a-z_0-9]+)(?:::[a-z_0-9]+)?)', src):
            tgt = target_of(t)
            if tgt != m and not m.startswith(tgt + '::') and not tgt.startswith(m + '::'):
                edges.setdefault(m, set()).add(tgt)
        # `use super::x` inside components/<folder>/ stays within the folder: no edge.

def cycle():
    state, stack = {}, []
    def visit(n):
        state[n] = 1
        stack.append(n)
        for t in sorted(edges.get(n, ())):
            if state.get(t) == 1:
                return stack[stack.index(t):] + [t]
            if state.get(t) is None:
                c = visit(t)
                if c:
                    return c
        stack.pop()
        state[n] = 2
        return None
    for n in sorted(edges):
        if state.get(n) is None:
            c = visit(n)
            if c:
                return c
    return None

c = cycle()
if c:
    print('import circle in src/: ' + ' → '.join(c), file=sys.stderr)
    sys.exit(1)
print(f'no import circle among {len(set(edges) | {t for v in edges.values() for t in v})} modules of src/')
