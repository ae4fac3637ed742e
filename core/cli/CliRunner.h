#pragma once

namespace deepart {

// deepart-cli from start to finish: parse, check, load, optimize, save. Returns the process exit
// code: 0 done, 1 runtime error, 2 usage error, 130 interrupted (Ctrl-C; the image so far is saved
// as <name>-interrupted.<ext>). Never lets an exception escape. Call from main() only: it owns
// the process's SIGINT handling.
int runCli(int argc, char** argv);

} // namespace deepart
