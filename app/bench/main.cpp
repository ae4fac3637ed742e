#include "EngineBenchmark.h"

#include "Error.h"

#include <iostream>

int main(int argc, char** argv) {
    try {
        const auto options =
            deepart::parseBenchmarkArguments(std::vector<std::string>(argv + 1, argv + argc));
        deepart::runEngineBenchmark(options, std::cout);
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "deepart-bench: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "deepart-bench: " << deepart::describeException(e) << '\n';
        return 1;
    }
}
