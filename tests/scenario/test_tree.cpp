#include "triad/scenario/tree.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::require_input_error;

TEST_CASE("YAML syntax errors name the line", "[tree]") {
    require_input_error([] { (void)parse_yaml("a: 1\nb: [1, 2\n", "bad.yaml"); }, 3, {"bad.yaml:", "malformed YAML"});
}

TEST_CASE("every node remembers file, line and column", "[tree]") {
    const TreeNode root = parse_yaml("top:\n  inner: 5\n  list: [a, b]\n", "f.yaml");
    const TreeNode* inner = root.find("top")->find("inner");
    REQUIRE(inner);
    CHECK(inner->where.file == "f.yaml");
    CHECK(inner->where.line == 2);
    CHECK(inner->where.column == 10);
    CHECK(inner->as_number("inner") == 5.0);
    CHECK(root.find("top")->find("list")->items.at(1).scalar == "b");
}

TEST_CASE("typed reads reject wrong types and non-finite numbers", "[tree]") {
    const TreeNode root = parse_yaml("a: abc\nb: .nan\nc: -.inf\nd: [1]\ne: 1e3\n", "t.yaml");
    require_input_error([&] { (void)root.find("a")->as_number("a"); }, 1, {"expected a number", "'abc'"});
    require_input_error([&] { (void)root.find("b")->as_number("b"); }, 2, {"finite"});
    require_input_error([&] { (void)root.find("c")->as_number("c"); }, 3, {"finite"});
    require_input_error([&] { (void)root.find("d")->as_number("d"); }, 4, {"a list"});
    CHECK(root.find("e")->as_number("e") == 1000.0);
}

TEST_CASE("unknown and repeated keys are reported with a suggestion", "[tree]") {
    const TreeNode root = parse_yaml("title: x\nplayrs: {}\n", "k.yaml");
    const std::vector<std::string> allowed = {"title", "players"};
    require_input_error([&] { root.check_keys(allowed, "the top level"); }, 2,
                        {"unknown key 'playrs'", "did you mean 'players'?"});
    const TreeNode twice = parse_yaml("a: 1\nb: 2\na: 3\n", "d.yaml");
    require_input_error([&] { twice.check_unique_keys("the map"); }, 3, {"'a' is given twice", "line 1"});
}

TEST_CASE("merging trees: maps key by key, the overlay wins", "[tree]") {
    const TreeNode base = parse_yaml("a: {x: 1, y: 2}\nl: [1, 2]\nkeep: 1\n", "base.yaml");
    const TreeNode over = parse_yaml("a: {y: 5, z: 6}\nl: [9]\n", "over.yaml");
    const TreeNode merged = merge_trees(base, over);
    CHECK(merged.find("a")->find("x")->scalar == "1");
    CHECK(merged.find("a")->find("y")->scalar == "5");
    CHECK(merged.find("a")->find("y")->where.file == "over.yaml");
    CHECK(merged.find("a")->find("z")->scalar == "6");
    CHECK(merged.find("l")->items.size() == 1);
    CHECK(merged.find("keep")->scalar == "1");
}

TEST_CASE("aliases are counted as they expand: a billion laughs is refused early", "[tree]") {
    // Eight levels of ten: 10^8 nodes once expanded, from about 500 bytes.
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int k = 1; k <= 8; ++k) {
        text += "a" + std::to_string(k) + ": &a" + std::to_string(k) + " [";
        for (int r = 0; r < 10; ++r) text += (r ? ", *a" : "*a") + std::to_string(k - 1);
        text += "]\n";
    }
    require_input_error([&] { (void)parse_yaml(text, "laughs.yaml"); }, 1, {"more than 1000000 values", "aliases"});
    // A few aliases, as scenarios use them, are fine.
    const TreeNode tree = parse_yaml("base: &b {x: 1}\nother: *b\n", "ok.yaml");
    REQUIRE(tree.find("other"));
    CHECK(tree.find("other")->find("x")->as_number("x") == 1.0);
}

TEST_CASE("nesting deeper than the limit is refused where it happens", "[tree]") {
    const std::string flow = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
    require_input_error([&] { (void)parse_yaml(flow, "deep.yaml"); }, 1, {"deep.yaml:1:", "nests deeper than 64 levels"});
    std::string block;
    for (int k = 0; k < 80; ++k) block += std::string(2 * k, ' ') + "k" + std::to_string(k) + ":\n";
    require_input_error([&] { (void)parse_yaml(block, "deep.yaml"); }, 65, {"nests deeper than 64 levels"});
    // Sixty levels are within the limit.
    const std::string fine = "a: " + std::string(60, '[') + std::string(60, ']') + "\n";
    CHECK_NOTHROW(parse_yaml(fine, "fine.yaml"));
}

TEST_CASE("one YAML document per file; lone carriage returns end lines", "[tree]") {
    require_input_error([] { (void)parse_yaml("a: 1\n---\nb: 2\n", "two.yaml"); }, 2, {"a second YAML document"});
    const TreeNode tree = parse_yaml("a: 1\rb: 2\r", "mac.yaml");
    REQUIRE(tree.find("b"));
    CHECK(tree.find("b")->where.line == 2);
}

TEST_CASE("repeated keys are found in linear time among 10^5", "[tree]") {
    std::string text;
    for (int k = 0; k < 100000; ++k) text += "k" + std::to_string(k) + ": 1\n";
    CHECK(parse_yaml(text, "many.yaml").entries.size() == 100000);
    text += "k5: 2\n";
    const TreeNode twice = parse_yaml(text, "many.yaml");
    require_input_error([&] { twice.check_unique_keys("the map"); }, 100001, {"'k5' is given twice", "line 6"});
}

TEST_CASE("a stray comma is a located error and not endless empty documents", "[tree]") {
    // Found by fuzzing: yaml-cpp 0.7 reads "," as an endless stream of empty documents.
    require_input_error([] { (void)parse_yaml(",", "comma.yaml"); }, 1, {"cannot read past this ','"});
    require_input_error([] { (void)parse_yaml("[a],", "comma.yaml"); }, 1, {"cannot read past this ','"});
    require_input_error([] { (void)parse_yaml("{},", "comma.yaml"); }, 1, {"cannot read past this ','"});
    require_input_error([] { (void)parse_yaml("a: 1\n, b\n", "comma.yaml"); }, 2, {"malformed YAML"});
}
