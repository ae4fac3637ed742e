#!/usr/bin/env python3
"""Checks that the README and docs/ still tell the truth about the programs (tst_docs).

- every relative link points at a file or folder that exists;
- every flag written for deepart-cli, deepart or deepart-bench exists in that program's --help;
- every choice list written as `--flag a|b|c` names only values the program accepts;
- every complete deepart-cli command in a code block (no [optional] parts) parses: it is run
  with --print-settings, which checks every value without loading weights or images;
- every packaging/ or tests/ script a code block runs is there and executable.

Usage: check_docs.py SOURCE_DIR CLI GUI BENCH
"""
import pathlib
import re
import shlex
import subprocess
import sys

source, cli, gui, bench = pathlib.Path(sys.argv[1]), *sys.argv[2:5]
docs = [source / "README.md", *sorted((source / "docs").glob("*.md"))]
problems = []


def help_flags(program):
    text = subprocess.run([program, "--help"], capture_output=True, text=True).stdout
    text += subprocess.run([program, "--unknown-flag-for-usage"], capture_output=True,
                           text=True).stderr  # deepart-bench prints its usage on errors
    return set(re.findall(r"--([a-z][a-z0-9-]*)", text))


programs = {"deepart-cli": help_flags(cli), "deepart": help_flags(gui),
            "deepart-bench": help_flags(bench)}
for name, flags in programs.items():
    if not flags:
        problems.append(f"{name} --help lists no flags")


def code_blocks(text):
    return re.findall(r"```(?:sh|bash)?\n(.*?)```", text, re.S)


def commands(block):
    """The block's command lines, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", block)
    for line in joined.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            yield line


def program_of(word):
    name = pathlib.Path(word).name
    return name if name in programs else None


for doc in docs:
    text = doc.read_text(encoding="utf-8")
    where = doc.relative_to(source)

    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        if not (doc.parent / target).exists():
            problems.append(f"{where}: link to {target}, which does not exist")

    # Flags in prose and code: `deepart-cli --flag`, and every --flag in a code line that runs
    # one of the programs.
    mentions = re.findall(r"(?<![\w=/.-])(deepart-cli|deepart-bench|deepart)(?![\w.-])"
                          r"((?: +--?[a-z][a-z0-9-]*(?:[ =][^ `]*)?)+)", text)
    for program, rest in mentions:
        for flag in re.findall(r"--([a-z][a-z0-9-]*)", rest):
            if flag not in programs[program]:
                problems.append(f"{where}: {program} --{flag} is not in its --help")

    for block in code_blocks(text):
        for line in commands(block):
            words = line.split()
            program = program_of(words[0])
            if words[0].startswith(("./packaging/", "packaging/", "tests/")):
                script = source / words[0].lstrip("./")
                if not (script.is_file() and script.stat().st_mode & 0o111):
                    problems.append(f"{where}: {words[0]} is not an executable script")
            if not program:
                continue
            for flag in re.findall(r"(?<![\w-])--([a-z][a-z0-9-]*)", line):
                if flag not in programs[program]:
                    problems.append(f"{where}: {program} --{flag} is not in its --help")
            for flag, choices in re.findall(r"--([a-z][a-z0-9-]*) ([a-z0-9]+(?:\|[a-z0-9]+)+)",
                                            line):
                if program != "deepart-cli":
                    continue
                for choice in choices.split("|"):
                    args = ["--print-settings", "--content", "c.png", "--style", "s.png",
                            f"--{flag}", choice]
                    if flag == "tile" and choice == "px":
                        continue
                    result = subprocess.run([cli, *args], capture_output=True, text=True)
                    if result.returncode != 0:
                        problems.append(f"{where}: --{flag} {choice}: {result.stderr.strip()}")
            if program == "deepart-cli" and "[" not in line and "--batch" not in line \
                    and "-dir" not in line:
                args = shlex.split(line)[1:]
                result = subprocess.run([cli, *args, "--print-settings"], capture_output=True,
                                        text=True)
                if result.returncode != 0:
                    problems.append(f"{where}: `{line}` does not parse: {result.stderr.strip()}")

for problem in problems:
    print(problem)
print(f"{len(docs)} documents checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
