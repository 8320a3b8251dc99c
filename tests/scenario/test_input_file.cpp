// Reading inputs safely (include/triad/scenario/input_file.hpp): only regular files, a size
// limit before reading, references confined to a project tree, no content in messages.
#include "triad/scenario/input_file.hpp"

#include "triad/scenario/scenario.hpp"

#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace triad;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed with its content at the end.
struct TemporaryFolder {
    fs::path path;
    TemporaryFolder() {
        path = fs::temp_directory_path() / ("triad-input-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string write(const std::string& name, const std::string& text) const {
        const fs::path file = path / name;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
};

// Sets a policy for one test and puts the previous one back.
struct PolicyScope {
    InputPolicy saved = input_policy();
    explicit PolicyScope(InputPolicy policy) { set_input_policy(std::move(policy)); }
    ~PolicyScope() { set_input_policy(saved); }
};

}  // namespace

TEST_CASE("read_input_file returns a regular file's bytes exactly", "[input_file]") {
    TemporaryFolder folder;
    const std::string text = std::string("players: {a: {}}\n\0\xff", 19);
    CHECK(read_input_file(folder.write("a.yaml", text)) == text);
    CHECK(read_input_file(folder.write("empty.yaml", "")).empty());
}

TEST_CASE("read_input_file refuses what is not a regular file, by name", "[input_file]") {
    TemporaryFolder folder;
    CHECK_THROWS_WITH(read_input_file((folder.path / "missing.yaml").string()), Contains("missing.yaml: no such file"));
    CHECK_THROWS_WITH(read_input_file(folder.path.string()), Contains("is a folder, not a file"));
    CHECK_THROWS_WITH(read_input_file("/dev/zero"), Contains("/dev/zero: is not a regular file"));
    // Cited by a scenario: the message is located at the citation.
    try {
        (void)read_input_file("/dev/null", {"s.yaml", 3, 10});
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.where().file == "s.yaml");
        CHECK(e.where().line == 3);
        CHECK_THAT(std::string(e.what()), Contains("/dev/null: is not a regular file"));
    }
}

TEST_CASE("read_input_file checks the size limit before reading", "[input_file]") {
    TemporaryFolder folder;
    const std::string path = folder.write("big.yaml", std::string(4096, '#'));
    InputPolicy policy = input_policy();
    policy.limits.max_file_bytes = 4095;
    PolicyScope scope(policy);
    CHECK_THROWS_WITH(read_input_file(path), Contains("more than the 4 KB an input may have") && Contains("TRIAD_MAX_INPUT_MB"));
    policy.limits.max_file_bytes = 4096;
    set_input_policy(policy);
    CHECK(read_input_file(path).size() == 4096);
}

TEST_CASE("confinement: references stay in the citing file's project tree", "[input_file]") {
    TemporaryFolder folder;
    const std::string inside = folder.write("project/scenarios/a.yaml", "players: {a: {}}\n");
    const std::string sibling = folder.write("project/data/b.csv", "year,x\n");
    const std::string outside = folder.write("secret/key.yaml", "token: hunter2\n");
    const SourceLocation cited{inside, 1, 10};
    InputPolicy confined = input_policy();
    confined.confine = true;
    confined.roots.clear();
    PolicyScope scope(confined);

    // Without a marker the tree is the citing file's own folder.
    CHECK(project_tree(inside) == fs::weakly_canonical(folder.path / "project/scenarios"));
    CHECK_NOTHROW(check_readable_place(inside, cited, "extends"));
    CHECK_THROWS_WITH(check_readable_place(sibling, cited, "the csv schedule"),
                      Contains("outside the folders a scenario may read") && Contains("--allow-path"));
    // '..' and symbolic links are resolved before the comparison.
    CHECK_THROWS(check_readable_place((folder.path / "project/scenarios/../../secret/key.yaml").string(), cited, "extends"));
    fs::create_symlink(folder.path / "secret", folder.path / "project/scenarios/link");
    CHECK_THROWS(check_readable_place((folder.path / "project/scenarios/link/key.yaml").string(), cited, "extends"));

    // A marker at the top of the project opens the whole project, and nothing above it.
    folder.write("project/.triad-project", "");
    CHECK(project_tree(inside) == fs::weakly_canonical(folder.path / "project"));
    CHECK_NOTHROW(check_readable_place(sibling, cited, "the csv schedule"));
    CHECK_THROWS(check_readable_place(outside, cited, "extends"));

    // --allow-path adds a tree.
    allow_tree(folder.path / "secret");
    CHECK_NOTHROW(check_readable_place(outside, cited, "extends"));
}

TEST_CASE("confinement reaches extends: the content of a refused file is never read", "[input_file]") {
    TemporaryFolder folder;
    folder.write("secret/key.yaml", "token: hunter2\n");
    const std::string path = folder.write("mine/a.yaml", "extends: ../secret/key.yaml\nplayers: {a: {}}\n");
    InputPolicy confined = input_policy();
    confined.confine = true;
    confined.roots.clear();
    PolicyScope scope(confined);
    try {
        (void)load_scenario(path);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.where().line == 1);
        CHECK_THAT(std::string(e.what()), Contains("outside the folders a scenario may read"));
        CHECK_THAT(std::string(e.what()), !Contains("hunter2") && !Contains("token"));
    }
}

TEST_CASE("an extends chain is loaded without recursion and bounded", "[input_file]") {
    TemporaryFolder folder;
    // 200 links: beyond the limit of 64, refused at the 64th file with the chain named.
    for (int k = 0; k < 200; ++k)
        folder.write("c" + std::to_string(k) + ".yaml", "extends: c" + std::to_string(k + 1) + ".yaml\n");
    folder.write("c200.yaml", "players: {a: {}}\n");
    CHECK_THROWS_WITH(load_scenario((folder.path / "c0.yaml").string()),
                      Contains("c63.yaml") && Contains("the extends chain is longer than 64 files"));
    // Within the limit the chain loads.
    InputPolicy policy = input_policy();
    policy.limits.max_extends = 256;
    PolicyScope scope(policy);
    CHECK(load_scenario((folder.path / "c0.yaml").string()).players.size() == 1);
}
