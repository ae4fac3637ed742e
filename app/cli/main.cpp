#include "CliRunner.h"

int main(int argc, char** argv) {
    return deepart::runCli(argc, argv);
}
