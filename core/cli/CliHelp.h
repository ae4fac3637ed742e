#pragma once

#include <QString>

class QCommandLineParser;

namespace deepart::cli {

// Every flag deepart-cli takes, with its help text and the defaults it shows, added to `parser`:
// the table that --help prints and parsing reads. Any thread.
void addCliOptions(QCommandLineParser& parser);

// The looks a user can name: "painting-colors, photo-colors, …".
QString lookSpellings();

} // namespace deepart::cli
