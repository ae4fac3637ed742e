#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace deepart {

// How the values of an enum are spelled in settings files, on the command line and in logs.
// Each enum has one table, `spellings(E{})` beside its declaration (found by argument-dependent
// lookup), and everything else derives from it: the spelling of a value, parsing one, and the
// values to offer. A value added to an enum is added in one place. Any thread.
template <typename E> struct Spelling {
    E value;
    const char* name;
};

// The table's spelling of `value`; the first entry's for a value the table lacks.
template <typename E> const char* spell(E value) {
    const auto& table = spellings(E{});
    for (const Spelling<E>& s : table)
        if (s.value == value)
            return s.name;
    return table.begin()->name;
}

template <typename E> std::optional<E> parseSpelling(std::string_view text) {
    for (const Spelling<E>& s : spellings(E{}))
        if (text == s.name)
            return s.value;
    return std::nullopt;
}

// Every value, in the table's order.
template <typename E> std::vector<E> allValues() {
    std::vector<E> values;
    for (const Spelling<E>& s : spellings(E{}))
        values.push_back(s.value);
    return values;
}

} // namespace deepart
