#include "GuiLauncher.h"

int main(int argc, char** argv) {
    return deepart::runGui(argc, argv);
}
