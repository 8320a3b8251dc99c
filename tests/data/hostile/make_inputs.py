#!/usr/bin/env python3
"""Writes the large hostile inputs of issue 15 into OUTDIR (they are generated, not committed).

Each file reproduces one defect found by hand: a long extends chain (stack overflow), a
YAML "billion laughs" (memory), deep nesting, 10^5 keys, actions or players (quadratic
checks), a degenerate game with a million pure equilibria, and a player count that overflows
a 32-bit profile count. tests/cli/hostile.cmake runs the program on each.
   python3 make_inputs.py OUTDIR
"""
import os
import sys

out = sys.argv[1]
os.makedirs(os.path.join(out, "chain"), exist_ok=True)


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


# 10,000 files, each extending the next.
for k in range(10000):
    write(f"chain/c{k}.yaml", f"extends: c{k + 1}.yaml\n" if k < 9999 else "players: {a: {}, b: {}}\n")

# Nine levels of ten aliases each: 10^9 nodes once expanded, from a few hundred bytes.
lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
for k in range(1, 10):
    lines.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 10) + "]")
write("laughs.yaml", "\n".join(lines) + "\nplayers: {us: {}, russia: {}}\n")

write("deep_flow.yaml", "players: " + "[" * 100000 + "]" * 100000 + "\n")
write("deep_block.yaml", "".join("  " * k + f"k{k}:\n" for k in range(5000)) + "  " * 5000 + "x: 1\n")

# 100,000 keys in one map (an unknown section), and 100,000 named actions.
write("many_keys.yaml", "players: {us: {}, russia: {}}\nsets:\n" + "".join(f"  k{k}: 1\n" for k in range(100000)))
write("many_actions.yaml", "players:\n  us:\n    actions: [" + ", ".join(f"a{k}" for k in range(100000)) +
      "]\n  russia: {actions: [x, y]}\n")

# 100,000 players in a .nfg game with one strategy each, and a constant 1024 x 1024 game.
write("many_players.nfg", 'NFG 1 R "many" { ' + " ".join(f'"p{k}"' for k in range(100000)) + " } { " +
      " ".join("1" for _ in range(100000)) + " }\n" + " ".join("0" for _ in range(100000)) + "\n")
write("constant.nfg", 'NFG 1 R "constant" { "a" "b" } { 1024 1024 }\n' + "0 0 " * (1024 * 1024) + "\n")

# 21 players with two actions each: 2^21 profiles, beyond a 32-bit count of 3^20 default ones.
write("players21.yaml", "players:\n" + "".join(f"  p{k}: {{actions: [x, y]}}\n" for k in range(21)))
write("players_default21.yaml", "players:\n" + "".join(f"  p{k}: {{}}\n" for k in range(21)))

# Four players and no drivers: every one of the 27^4 profiles is a pure equilibrium.
write("four_no_drivers.yaml", "players: {a: {}, b: {}, c: {}, d: {}}\n")
