# Command-line tests: each runs the real triad program from the source folder and checks its
# exit code and output (run_cli.cmake). Names start with "cli." so `ctest -R cli` runs them.
set(TRIAD_RUN_CLI ${CMAKE_CURRENT_LIST_DIR}/run_cli.cmake)
set(TRIAD_CLI_TMP ${CMAKE_CURRENT_BINARY_DIR}/cli_tmp)
file(MAKE_DIRECTORY ${TRIAD_CLI_TMP})

function(triad_cli_test name expect_exit expect)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} -DEXPECT_EXIT=${expect_exit} "-DEXPECT=${expect}"
                   -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${TRIAD_RUN_CLI} -- $<TARGET_FILE:triad_cli> ${ARGN})
endfunction()

# The same, and the output must NOT match `reject`.
function(triad_cli_test_reject name expect_exit expect reject)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} -DEXPECT_EXIT=${expect_exit} "-DEXPECT=${expect}" "-DREJECT=${reject}"
                   -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${TRIAD_RUN_CLI} -- $<TARGET_FILE:triad_cli> ${ARGN})
endfunction()

# A command that writes `file` (its -o FILE): the file's content, appended to the output, must
# match `expect` and must not match `reject` (an empty `reject` rejects nothing).
function(triad_cli_test_file name expect_exit file expect reject)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} -DEXPECT_EXIT=${expect_exit} "-DEXPECT=${expect}" "-DREJECT=${reject}"
                   "-DREAD_BACK=${file}" -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${TRIAD_RUN_CLI}
                   -- $<TARGET_FILE:triad_cli> ${ARGN})
endfunction()

set(B scenarios/baseline.yaml)
set(BAD tests/data/scenarios)

# Usage and help.
triad_cli_test(usage 2 "Usage: triad COMMAND")
triad_cli_test(help 0 "Commands:.*solve" --help)
triad_cli_test(version 0 "triad [0-9]+\\.[0-9]+\\.[0-9]+" --version)
triad_cli_test(unknown_command 2 "unknown command 'slove'; did you mean 'solve'" slove ${B})
foreach(command validate solve export params list)
  triad_cli_test(help_${command} 0 "Usage: triad ${command}.*Options" ${command} --help)
endforeach()
triad_cli_test(bad_option 2 "unrecognised option|unrecognized option" solve ${B} --frobnicate)
triad_cli_test(bad_format 2 "unknown format 'jsn'; did you mean 'json'" solve ${B} --format jsn)

# Solving the baseline and the textbook games.
triad_cli_test(solve_baseline 0 "1 pure equilibrium.*stable_marriage.*russia +-us/\\+china.*china +partner" solve ${B})
triad_cli_test(solve_json 0 "\"version\": \"[0-9.]+\".*\"content_hash\": \"[0-9a-f]+\".*\"equilibria\": \\[.*\"method\": \"pure\".*\"regret\": 0.*\"configuration\": \"stable_marriage\"" solve ${B} --format json)
triad_cli_test(solve_csv 0 "# triad .*\nequilibrium,method,regret,labels,us_action.*\n1,pure,0,strict," solve ${B} --format csv)
triad_cli_test(solve_set 0 "--set ambition.a.china.russia=4.*unit_veto" solve ${B} --set ambition.a.china.russia=4)
triad_cli_test(solve_set_unknown 1 "--set: unknown parameter path 'russia.regime_fer'; did you mean 'russia.regime_fear'" solve ${B} --set russia.regime_fer=1)
triad_cli_test(solve_set_range 1 "outside its range" solve ${B} --set russia.regime_fear=-1)
triad_cli_test(solve_pd 0 "1 pure equilibrium.*defect +1\\.0000.*defect" solve scenarios/examples/prisoners_dilemma.yaml)
triad_cli_test(solve_nfg 0 "Prisoner.s dilemma.*1 pure equilibrium.*strict" solve tests/data/nfg_pd_names.nfg)
triad_cli_test(solve_nfg_set 1 "has no parameters" solve tests/data/nfg_pd_names.nfg --set x=1)
triad_cli_test(solve_output 0 "^$" solve ${B} --format json -o ${TRIAD_CLI_TMP}/baseline.json)
# What -o wrote, read back: nothing on the terminal, then the JSON document with the scenario's
# content hash (16 hex digits, "%016llx") and the equilibria, and no NaN or infinity anywhere.
set(HEX16 "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]")
triad_cli_test_file(solve_output_read_back 0 ${TRIAD_CLI_TMP}/read_back_solve.json
  "^\\{\n.*\"content_hash\": \"${HEX16}\".*\"equilibria\": \\[.*\"configuration\": \"stable_marriage\".*\\}\n$"
  "[^a-z]([Nn]a[Nn]|[Ii]nf|[Ii]nfinity)[^a-z]"
  solve ${B} --format json -o ${TRIAD_CLI_TMP}/read_back_solve.json)

# Export, then solve the exported game: the same equilibrium.
triad_cli_test(export_nfg 0 "^$" export ${B} --to nfg -o ${TRIAD_CLI_TMP}/baseline.nfg)
triad_cli_test(solve_exported 0 "1 pure equilibrium.*russia +-us/\\+china" solve ${TRIAD_CLI_TMP}/baseline.nfg)
set_tests_properties(cli.solve_exported PROPERTIES DEPENDS cli.export_nfg)
triad_cli_test(export_stdout 0 "^NFG 1 R" export ${B})

# Parameters and drivers.
triad_cli_test(params 0 "regime_security.F.russia 3 +# \\[0, inf\\] regime_security, alias russia.regime_fear" params ${B})
triad_cli_test(params_json 0 "\"path\": \"wedge.omega\"" params ${B} --format json)
triad_cli_test(list_drivers 0 "partnership.*hostility.*regime_security.*junior_partner.*threat.*wedge.*pivot.*ambition.*entrapment.*table" list drivers)
triad_cli_test(list_unknown 2 "nothing called 'driver' to list; did you mean 'drivers'" list driver)

# Validation: good files pass; each bad file fails with its place and a hint.
triad_cli_test(validate_ok 0 "baseline.yaml: ok \\(3 players, 729 profiles" validate ${B} scenarios/examples/prisoners_dilemma.yaml)
triad_cli_test(validate_misspelt_driver 1 "bad_driver.yaml:[0-9]+:[0-9]+: unknown driver 'regime_securty'; did you mean 'regime_security'" validate ${BAD}/bad_driver.yaml)
triad_cli_test(validate_malformed 1 "malformed.yaml:[0-9]+:[0-9]+: malformed YAML" validate ${BAD}/malformed.yaml)
triad_cli_test(validate_negative 1 "negative.yaml:[0-9]+:[0-9]+: .*outside its range.*non-negative" validate ${BAD}/negative.yaml)
triad_cli_test(validate_missing_file 1 "no_such.yaml: no such file" validate ${BAD}/no_such.yaml)
triad_cli_test(validate_too_large 1 "too_large.yaml:[0-9]+:[0-9]+: the game has .* pure profiles.*named actions" validate ${BAD}/too_large.yaml)
triad_cli_test(validate_many 1 "baseline.yaml: ok.*bad_driver.yaml:" validate ${B} ${BAD}/bad_driver.yaml)

# The long-run distribution of logit play.
triad_cli_test(solve_stable 0 "Long-run distribution of logit play, lambda 10.*configuration: stable_marriage 99\\.[0-9]%.*stochastically stable profiles" solve ${B} --method stable)
triad_cli_test(solve_stable_json 0 "\"stationary\": \\{.*\"configuration\": \\{.*\"stable_marriage\": 0\\.9.*\"concentration\"" solve ${B} --method stable --format json)
triad_cli_test(solve_stable_lambda 1 "option lambda = -1 is outside" solve ${B} --method stable --option lambda=-1)
triad_cli_test(solve_unknown_method 2 "unknown method 'stabel'; did you mean 'stable'" solve ${B} --method stabel)

# Every method through the command line, and the selected outcome printed first.
triad_cli_test(solve_selected_first 0 "Selected outcome \\(stable \\(lambda 10\\).*configuration +stable_marriage \\(99\\.[0-9]%\\).*russia +aligned with china.*1 pure equilibrium" solve ${B})
# A player without a partner is said to be balanced, not "aligned with balanced".
triad_cli_test(solve_balanced_has_no_partner 0 "us +balanced, no partner \\(" solve ${B})
triad_cli_test(solve_selected_json 0 "\"selected\": \\{.*\"configuration\": \"stable_marriage\",.*\"configuration_probability\": 0\\.99.*\"distributions\": \\{.*\"configuration\": \\{.*\"romantic_triangle\"" solve ${B} --format json)
triad_cli_test(solve_qre 0 "Logit QRE branch: [0-9]+ points.*reached lambda.*qre +regret" solve ${B} --method qre)
triad_cli_test(solve_qre_json 0 "\"qre\": \\{.*\"branch\": \\[.*\"lambda\": 0," solve ${B} --method qre --format json)
triad_cli_test(solve_support_nfg 0 "1 support equilibrium.*strict" solve tests/data/nfg_pd_names.nfg --method support)
triad_cli_test(solve_support_three 1 "works on 2-player games; this one has 3 players; use 'pure', 'qre', 'stable' or 'replicator' for a game of 3 players" solve ${B} --method support)
triad_cli_test(solve_replicator 0 "asymptotically_stable.*replicator eigenvalues" solve ${B} --method replicator)
triad_cli_test(solve_stable_option 0 "lambda 5 \\(gauss-seidel" solve ${B} --method stable --option lambda=5)
triad_cli_test(solve_option_unknown 1 "no option 'lamda'; did you mean 'lambda'" solve ${B} --method stable --option lamda=5)
triad_cli_test(list_solvers 0 "pure.*support.*qre.*stable.*replicator" list solvers)

# Sustaining a pure profile in the repeated game by grim trigger.
set(PD scenarios/examples/prisoners_dilemma.yaml)
triad_cli_test(help_sustain 0 "Usage: triad sustain.*delta\\*.*Examples:.*Options" sustain --help)
triad_cli_test(sustain_pd 0 "row +3 +5 +defect +1 +\\(defect, defect\\) +0\\.5 +0\\.9 +yes.*\nsustainable" sustain ${PD} --profile row=cooperate,col=cooperate)
triad_cli_test(sustain_pd_impatient 0 "0\\.5 +0\\.4 +no.*NOT sustainable: row needs delta >= 0\\.5, has 0\\.4" sustain ${PD} --profile row=cooperate,col=cooperate --discount 0.4)
triad_cli_test(sustain_pd_json 0 "\"version\": \"[0-9.]+\".*\"content_hash\": \"[0-9a-f]+\".*\"punishment\": \"nash\".*\"players\": \\[.*\"player\": \"row\".*\"best_deviation\": \"defect\".*\"critical\": 0\\.5.*\"holds\": true.*\"required\": 0\\.5.*\"sustainable\": true" sustain ${PD} --profile row=cooperate,col=cooperate --format json)
triad_cli_test(sustain_pd_csv 0 "player,cooperative,deviation,best_deviation,punished,punishment_profile,critical,discount,holds\nrow,3,5,defect,1,\"\\(defect, defect\\)\",0\\.5,0\\.9,yes" sustain ${PD} --profile row=cooperate,col=cooperate --format csv)
triad_cli_test(sustain_pd_infeasible 0 "\"critical\": null.*\"sustainable\": false.*row cannot be held" sustain ${PD} --profile row=cooperate,col=defect --format json)
triad_cli_test(sustain_minmax 0 "punishment: minmax.*0\\.5" sustain ${PD} --profile row=cooperate,col=cooperate --punishment minmax)
triad_cli_test(sustain_unknown_action 1 "--profile: unknown action 'defct' of row; did you mean 'defect'\\? row's actions: cooperate, defect" sustain ${PD} --profile row=defct,col=cooperate)
triad_cli_test(sustain_unknown_player 1 "--profile: unknown player 'rwo'; did you mean 'row'" sustain ${PD} --profile rwo=defect,col=cooperate)
triad_cli_test(sustain_missing_player 1 "--profile: no action given for col" sustain ${PD} --profile row=cooperate)
triad_cli_test(sustain_no_profile 2 "profile" sustain ${PD})
triad_cli_test(sustain_bad_punishment 2 "unknown punishment 'minimax'; did you mean 'minmax'" sustain ${PD} --profile row=cooperate,col=cooperate --punishment minimax)
triad_cli_test(sustain_bad_discount 1 "--discount: the discount factor 1 is outside \\[0, 1\\)" sustain ${PD} --profile row=cooperate,col=cooperate --discount 1)
triad_cli_test(sustain_baseline 0 "us .*0 +0\\.9 +yes.*\nsustainable" sustain ${B} --profile us=-russia/-china,russia=-us/+china,china=-us/+russia)
triad_cli_test(sustain_set_discount 0 "\"discount\": 0\\.95" sustain ${B} --profile us=-russia/-china,russia=-us/+china,china=-us/+russia --set us.discount=0.95 --format json)
triad_cli_test(sustain_nfg 0 "Row +3 +5 +Defect.*0\\.5 +0\\.9 +yes" sustain tests/data/nfg_pd_names.nfg --profile Row=Cooperate,Column=Cooperate)

# Repeated play over a timeline: the lag demonstration, shifts with causes, runs, errors.
set(LAG scenarios/lag.yaml)
triad_cli_test(run_lag 0 "1956 +open +break_china +alone +unit_veto.*1971 +open +break_china +open_us +stable_marriage.*1971  china alignment: balanced -> us.*memory" run ${LAG})
triad_cli_test(run_lag_json 0 "\"periods\": \\[.*\"grievance\": \\{.*\"critical_discount\".*\"shifts\": \\[.*\"what\": \"china alignment\",.*\"from\": \"balanced\",.*\"to\": \"us\",.*\"held\": 10,.*\"causes\": \\[.*\"driver\": \"memory \\(china\\.grievance\\.us\\)\".*\"moves\": \\[.*\"mover\": \"china\",.*\"from\": \"alone\",.*\"to\": \"open_us\"" run ${LAG} --format json)
triad_cli_test(run_lag_csv 0 "period,time,us_action.*\n0,1950,open,.*# shift period=21 time=1971 what=china alignment from=balanced to=us" run ${LAG} --format csv)
triad_cli_test(run_lag_tuned 0 "1961  china alignment: balanced -> us" run ${LAG} --set memory.decay=0.15)
triad_cli_test(run_no_memory 0 "1956  china alignment: russia -> us" run ${LAG} --set memory.gamma.china=0)
triad_cli_test(run_runs 0 "share of runs in each configuration.*shifts \\(share of runs; dates\\)" run ${LAG} --runs 5 --seed 3)
# lag.yaml's learning is best_response with q = 1: deterministic (the scenario says so), so all
# 20 runs are the run of cli.run_lag and every share is 20 of 20 = 100.0%. Any other figure
# (95.2% would be 20 of 21, above 100% a share counted twice) is wrong.
triad_cli_test_reject(run_runs_deterministic 0
  "share of runs in each configuration\n  1950 +stable_marriage 100\\.0%\n.*\n  1956 +unit_veto 100\\.0%\n.*\n  1971 +stable_marriage 100\\.0%\n.*china alignment: balanced -> us +100\\.0% of runs, mean date 1971\\.0; dates: 1971x20"
  "[^0-9]([0-9]|[0-9][0-9]|10[1-9]|1[1-9][0-9]|[2-9][0-9][0-9]|[0-9][0-9][0-9][0-9]+)\\.[0-9]%|100\\.[1-9]%"
  run ${LAG} --runs 20 --seed 3)
# With inertia (q = 0.2) the runs differ, but each share is still k of 20 runs: a multiple of
# 5% (one decimal: 5.0%, 15.0%, ...), never above 100%.
triad_cli_test_reject(run_runs_shares 0
  "share of runs in each configuration\n  1950 +stable_marriage 100\\.0%.*[0-9]\\.0% of runs"
  "\\.[1-9]%|[1-46-9]\\.[0-9]%|(10[1-9]|1[1-9][0-9]|[2-9][0-9][0-9]|[0-9][0-9][0-9][0-9]+)\\.[0-9]%"
  run tests/data/scenarios/lag_inertia.yaml --runs 20 --seed 3)
triad_cli_test(run_no_timeline 1 "has no 'timeline:' section" run ${B})
triad_cli_test(run_bad_end 1 "bad_timeline.yaml:[0-9]+:[0-9]+: the timeline ends \\(1940\\) before it starts \\(1950\\)" run tests/data/scenarios/bad_timeline.yaml)
triad_cli_test(list_rules 0 "best_response.*logit.*fictitious_play.*replicator.*equilibrium_tracking" list rules)

# Sweeps.
add_test(NAME cli.sweep_resume_and_merge
         COMMAND ${CMAKE_COMMAND} -DTRIAD=$<TARGET_FILE:triad_cli> -DWORK=${TRIAD_CLI_TMP}/sweep -DSOURCE=${PROJECT_SOURCE_DIR}
                 -P ${CMAKE_CURRENT_LIST_DIR}/sweep_files.cmake)
triad_cli_test(sweep_header 0 "# triad sweep\n# version: [0-9.]+\n# scenario: scenarios/baseline.yaml\n# content_hash: [0-9a-f]+\n# design: grid 2 x 3 = 6 points.*# seed: 1\n# analysis: stage\n# command: triad sweep.*\nindex,russia.regime_fear,ambition.a.china.russia,configuration,configuration_probability,us_alignment" sweep ${B} --param russia.regime_fear=0:3:2 --param ambition.a.china.russia=0:4:3 -q)
triad_cli_test(sweep_jsonl 0 "# columns: index,russia.regime_fear,pure_count.*\n\\{\"index\":0,\"russia.regime_fear\":0,\"pure_count\":1" sweep ${B} --param russia.regime_fear=0:3:2 --analysis pure --columns pure_count --format jsonl -q)
triad_cli_test(sweep_sobol 0 "# design: sobol 8 points.*\n7," sweep ${B} --design sobol --points 8 --param russia.regime_fear=0:3 --analysis pure -q)
triad_cli_test(sweep_boundary 0 "from,to,lower,upper,boundary\n0,stable_marriage,unit_veto,2\\.[0-9]+" sweep ${B} --param russia.regime_fear=0:3:2 --param ambition.a.china.russia=0:4:5 --analysis pure --boundary ambition.a.china.russia --boundary-of configurations)
# A sweep written with -o, read back: the header, the column line, and exactly the 2 x 3 = 6
# grid points (nested like for-loops, the last axis fastest: regime_fear 0 then 3, ambition
# 0, 2, 4 within each), then the end of the file.
triad_cli_test_file(sweep_output_read_back 0 ${TRIAD_CLI_TMP}/read_back_sweep.csv
  "^# triad sweep\n# version: [0-9.]+\n# scenario: scenarios/baseline.yaml\n# content_hash: ${HEX16}\n# design: grid 2 x 3 = 6 points over russia.regime_fear \\[0, 3\\], ambition.a.china.russia \\[0, 4\\]\n# seed: 1\n# analysis: stage\n# command: triad sweep [^\n]*\nindex,russia.regime_fear,ambition.a.china.russia,configuration,[^\n]*,pure_count\n0,0,0,[^\n]*\n1,0,2,[^\n]*\n2,0,4,[^\n]*\n3,3,0,[^\n]*\n4,3,2,[^\n]*\n5,3,4,[^\n]*\n$"
  "[^a-z]([Nn]a[Nn]|[Ii]nf|[Ii]nfinity)[^a-z]"
  sweep ${B} --param russia.regime_fear=0:3:2 --param ambition.a.china.russia=0:4:3 -q -o ${TRIAD_CLI_TMP}/read_back_sweep.csv)
triad_cli_test(sweep_bad_column 1 "no column 'pure_cont'; did you mean 'pure_count'" sweep ${B} --param russia.regime_fear=0:3:2 --analysis pure --columns pure_cont)
triad_cli_test(sweep_no_count 2 "needs a count" sweep ${B} --param russia.regime_fear=0:3)
triad_cli_test(sweep_bad_shard 2 "--shard takes K/N" sweep ${B} --param russia.regime_fear=0:3:2 --shard 4/3)
triad_cli_test(sweep_timeline 0 "first_shift_time,first_shift_what.*\n0,0\\.04,1956,russia alignment,china,balanced,3,unit_veto,.*\n1,0\\.12,1956,russia alignment,china,balanced,6,stable_marriage," sweep ${LAG} --param memory.decay=0.04:0.2:3 --analysis timeline -q)
triad_cli_test(sweep_section 0 "# design: lhs 5 points, seed 3,.*\nindex,russia.regime_fear,ambition.a.china.russia,pure_count,configurations\n0,.*\n4," sweep tests/data/scenarios/sweep_section.yaml -q)
triad_cli_test(validate_timeline 1 "bad_timeline.yaml:9:8: the timeline ends \\(1940\\) before it starts" validate tests/data/scenarios/bad_timeline.yaml)

# The comparison of claims.
set(CLAIMS tests/data/scenarios/claims.yaml)
# Held at the scenario's values (--no-uncertainty): a grid over each region, exact shares.
triad_cli_test(compare_table 0 "Tester: At the baseline Russia aligns with China\\.\n +holds: holds on 100% of its region \\(no cause named.*The marriage survives any ambition.*\n +partly: holds on [0-9]+% of its region.*\n +over ambition.a.china.russia \\[0, 4\\]; 9 grid points, no value drawn.*boundaries: ambition.a.china.russia: flips at 2\\.[0-9]+ \\(holds below; 1 of 1 searches\\).*Where the authors disagree[^\n]*\n +Tester vs Skeptic +\\[marriage-whatever-ambition vs no-marriage-when-pressed\\] +on tests/data/scenarios/claims.yaml, 5 points over ambition.a.china.russia \\[0, 4\\]\n +Tester right \\(configuration = stable_marriage\\) on [0-9]+%. Skeptic right \\(configuration != stable_marriage\\) on [0-9]+%. neither [0-9]+%\n +flips: ambition.a.china.russia = 2\\.[0-9]+ \\(Tester below, Skeptic above\\)" compare ${CLAIMS} --no-uncertainty)
# With the baseline's uncertainty drawn: intervals on every share, the draws counted.
triad_cli_test(compare_drawn 0 "holds on [0-9]+% \\[[0-9]+-[0-9]+%\\] of its region.*; 50 draws of [0-9]+ uncertain values \\(95% intervals\\).*Tester right \\(configuration = stable_marriage\\) on [0-9]+% \\[[0-9]+-[0-9]+%\\]" compare ${CLAIMS} --samples 50 --seed 3)
triad_cli_test(compare_bad_samples 2 "--samples must be between 2 and 1000000" compare ${CLAIMS} --samples 1)
triad_cli_test(compare_json 0 "\"uncertainty\": true,\n *\"samples\": 40,\n *\"seed\": 1,.*\"predictions\": \\[.*\"id\": \"marriage-at-baseline\",.*\"author\": \"Tester\",.*\"verdict\": \"holds\",.*\"share\": 1,.*\"share_interval\": \\[.*\"share_absent\": null,.*\"samples\": 40,.*\"equilibrium_share\": [0-9.]+,.*\"probability\": [0-9.]+,.*\"boundary\": \\[.*\"disagreements\": \\[.*\"first\": \"marriage-whatever-ambition\",.*\"second_author\": \"Skeptic\",.*\"shared_scenario\": \"tests/data/scenarios/claims.yaml\",.*\"boundary\": \\[.*\"parameter\": \"ambition.a.china.russia\",.*\"below\": \"first\",.*\"above\": \"second\"" compare ${CLAIMS} --format json --samples 40)
triad_cli_test(compare_json_shares 0 "\"first_share\": [0-9.]+,\n *\"second_share\": [0-9.]+,\n *\"neither_share\": [0-9.]+," compare ${CLAIMS} --format json --samples 40)
triad_cli_test(compare_markdown 0 "\\| author \\| supported \\|.*\\| author \\| claim \\| verdict \\| holds on \\| without its cause \\|.*\\| Tester \\| At the baseline.*\\| first \\| second \\| shared region \\|.*\\| Tester: configuration = stable_marriage \\(`marriage-whatever-ambition`\\) \\| Skeptic: " compare ${CLAIMS} --format markdown --samples 40)
# Claims from different files meet on the file both extend; claims about a run fall back to the
# first one's scenario when that file has no timeline.
triad_cli_test(compare_shared_base 0 "Tester vs Other +\\[marriage-whatever-ambition vs veto-when-pressed\\] +on scenarios/baseline.yaml, 5 points over ambition.a.china.russia \\[0, 4\\].*Other vs Runner +\\[shifts-soon vs no-shift\\] +on tests/data/scenarios/claims_other.yaml \\(Other's own scenario: scenarios/baseline.yaml has no timeline\\)" compare ${CLAIMS} ${BAD}/claims_other.yaml ${BAD}/claims_run.yaml --no-uncertainty)
triad_cli_test(compare_strict_ok 0 "holds" compare ${CLAIMS} --strict --no-uncertainty)
triad_cli_test(compare_strict_fail 1 "must_hold claim 'wrongly-required' fails" compare tests/data/scenarios/claims_strict.yaml --strict --no-uncertainty)
triad_cli_test(compare_summary 0 "^Summary of 3 claims \\(values a claim does not fix held at the scenario's own: --no-uncertainty\\)\n  supported 0, holds regardless of its cause 0, holds \\(no cause named\\) 2, partly 1, fails 0\n  Tester: holds 1 partly 1\n" compare ${CLAIMS} --no-uncertainty)
# The shipped scenarios: every must_hold claim's outcome holds, and the record is reproduced
# (at least 12 of 15 dated configurations, the bar set for the historical run). A smaller
# sample than the default keeps the test short; the README's main job runs the default.
triad_cli_test(compare_shipped_strict 0 "Summary of " compare scenarios/ --strict --samples 100)
triad_cli_test(compare_history 0 "Record: holds 1[2-5]" compare scenarios/history.yaml)
triad_cli_test(run_events_json 0 "\"time\": 1956,.*\"events\": \\[\n *\"secret_speech\"\n *\\]" run ${LAG} --format json)

# Every scenario shipped in scenarios/ validates (one test per file, found anew at configure time).
file(GLOB_RECURSE TRIAD_SHIPPED_SCENARIOS RELATIVE ${PROJECT_SOURCE_DIR} CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*.yaml)
foreach(scenario ${TRIAD_SHIPPED_SCENARIOS})
  string(REGEX REPLACE "[/.]" "_" name "${scenario}")
  triad_cli_test(validate_${name} 0 ": ok \\(" validate ${scenario})
endforeach()

# The comparison is stable: the same bytes with one thread or two, and from run to run.
add_test(NAME cli.compare_stable
         COMMAND ${CMAKE_COMMAND} -DTRIAD=$<TARGET_FILE:triad_cli> -DWORK=${TRIAD_CLI_TMP} -DSOURCE=${PROJECT_SOURCE_DIR}
                 -P ${CMAKE_CURRENT_LIST_DIR}/compare_stable.cmake)

# Crises (docs/model.md 1.4): the hand-computed example. Russia warm to Beijing abstains for
# 2 - 1 = 1 against 2 - 1.5 = 0.5 for backing it; at e = 0.5 backing pays 1.5 against 1.
set(CRISIS scenarios/examples/taiwan_crisis.yaml)
triad_cli_test(crisis_stays_out 0 "russia +aligned with china .*stays out of taiwan.*russia +east +1\\.0000" solve ${CRISIS})
triad_cli_test(crisis_backs_when_cheap 0 "backs china in taiwan.*russia +east:backs-china +1\\.5000" solve ${CRISIS} --set russia.entrapment_aversion=0.5)
triad_cli_test(crisis_sweep_column 0 "russia_backs,russia_backs_probability.*0\\.5,china,.*1\\.5,abstain," sweep ${CRISIS} --param russia.entrapment_aversion=0.5:1.5:3 --columns russia_backs,russia_backs_probability)
triad_cli_test(crisis_bad_side 1 "unknown player 'chna' in crisis 'taiwan'.*did you mean 'china'" validate tests/data/scenarios/bad_crisis.yaml)

# triad report: a short summary on the terminal and the path of the page it wrote.
triad_cli_test(report_summary 0 "claims: supported [0-9]+ .*The model supports.*Report: .*report_test\\.html" report tests/data/scenarios/claims.yaml --samples 20 --resolution 4 -o ${CMAKE_CURRENT_BINARY_DIR}/report_test.html)
triad_cli_test(report_bad_resolution 2 "--resolution must be between 4 and 64" report tests/data/scenarios/claims.yaml --resolution 2)

# Help and errors say what the command line means: positional arguments by name, a missing
# FILE with an example, --set's effect per command, and examples that run on shipped files.
triad_cli_test_reject(help_solve_arguments 0 "Arguments:\n  FILE  scenario \\(\\.yaml\\) or Gambit game \\(\\.nfg\\)\n\nOptions:" "--file" solve --help)
triad_cli_test_reject(help_validate_arguments 0 "Arguments:\n  FILE\\.\\.\\.  scenario" "--files" validate --help)
triad_cli_test_reject(solve_no_file 2 "triad solve needs a FILE: scenario \\(\\.yaml\\) or Gambit game \\(\\.nfg\\); e\\.g\\. triad solve scenarios/baseline\\.yaml\n" "--file" solve)
triad_cli_test(sweep_no_file 2 "triad sweep needs a FILE: scenario \\(\\.yaml\\); e\\.g\\. triad sweep scenarios/baseline\\.yaml --param" sweep)
triad_cli_test(validate_no_file 2 "triad validate needs at least one FILE: .*; e\\.g\\. triad validate scenarios/" validate)
triad_cli_test(sustain_no_profile_named 2 "the option '--profile' is required" sustain ${PD})
foreach(command export params run sustain sweep)
  triad_cli_test_reject(help_${command}_set 0 "-s \\[ --set \\] PATH=VALUE +set a parameter: " "before solving" ${command} --help)
endforeach()
triad_cli_test(help_sweep_set_effect 0 "set a parameter: its value at every point" sweep --help)
triad_cli_test(help_run_set_effect 0 "set a parameter: its value when the timeline" run --help)
triad_cli_test(help_validate_first_problem 0 "stops at its first problem.*every file given is checked" validate --help)
triad_cli_test(list_kinds 0 "^triad list KIND shows, for each KIND:\n  drivers  .*\n  solvers  .*\n  rules    " list)
triad_cli_test(list_kinds_json 2 "name what to list: drivers, solvers, rules" list --format json)
triad_cli_test(help_list_examples 0 "Usage: triad list \\[KIND\\].*Examples:\n  triad list drivers\n.*Arguments:\n  KIND  " list --help)
foreach(command solve sustain)
  triad_cli_test_reject(help_${command}_shipped_nfg 0 "triad ${command} tests/data/nfg_pd_names\\.nfg" "game\\.nfg" ${command} --help)
endforeach()
# The examples those helps give, run as written.
triad_cli_test(solve_support_nfg_csv 0 "equilibrium,method,regret.*\n1,support,0,strict" solve tests/data/nfg_pd_names.nfg --method support --format csv)
triad_cli_test(help_solve_support_players 0 "'support' takes only 2-player games" solve --help)

# A method that labels what others found says what each equilibrium is.
triad_cli_test_reject(solve_replicator_label 0 "1 replicator equilibrium\n\n#1  replicator rest point, pure, found by 'pure'  regret 0  \\[strict, asymptotically_stable\\]" "#1  pure" solve ${B} --method replicator)

# Sweeps: the pure analysis's boundary follows the configurations; a column that never
# changes says so; grid values print as the decimals typed (0.05, not 0.049999999999999996).
triad_cli_test(sweep_boundary_pure_default 0 "# boundary: ambition.a.china.russia of configurations,.*\nfrom,to,lower,upper,boundary\nstable_marriage,unit_veto,2\\.[0-9]+" sweep ${B} --param ambition.a.china.russia=0:4:5 --analysis pure --boundary ambition.a.china.russia)
triad_cli_test(sweep_boundary_none 0 "from,to,lower,upper,boundary\n.*no boundary: configurations is the same at all 3 grid values of ambition.a.china.russia; --boundary-of follows another column: pure_count" sweep ${B} --param ambition.a.china.russia=0:1:3 --analysis pure --boundary ambition.a.china.russia)
triad_cli_test_reject(sweep_grid_decimals 0 "\n0,0,1\n1,0\\.05,1\n2,0\\.1,1\n3,0\\.15,1\n4,0\\.2,1\n5,0\\.25,1\n6,0\\.3,1\n" "0\\.0499|0\\.0999|0\\.1999" sweep ${B} --param russia.regime_fear=0:0.3:7 --analysis pure --columns pure_count -q)

# Runs name alignments in full, and show delta* only when it carries information.
triad_cli_test_reject(run_alignments_in_full 0 "leaves out the delta\\* column.*\nperiod +us +russia +china +configuration +alignments\n1950 .* stable_marriage +us: balanced, russia: china, china: russia\n" "us>ba|0\\.00\n" run ${LAG})
triad_cli_test(run_discount_explained 0 "delta\\*: the discount factor at which grim trigger.*alignments +delta\\*\n2025 .*us: balanced, russia: balanced, china: balanced +none\n" run scenarios/essays/katz.yaml)
# Sustain's columns in words, the symbols in a legend.
triad_cli_test(sustain_plain_header 0 "needs delta  the least discount factor.*\n  player +keeping +deviating +best deviation +punished +punishment profile +needs delta +has delta +holds\n  row +3 +5 +defect" sustain ${PD} --profile row=cooperate,col=cooperate)

# Hostile and unlucky inputs (issue 15, docs/safety.md). The large ones are generated and run by
# hostile.cmake under a memory cap; the small ones are committed under tests/data/hostile/.
find_program(TRIAD_PYTHON NAMES python3 REQUIRED)
add_test(NAME cli.hostile_inputs
         COMMAND ${CMAKE_COMMAND} -DTRIAD=$<TARGET_FILE:triad_cli> -DPYTHON=${TRIAD_PYTHON} -DWORK=${TRIAD_CLI_TMP}/hostile
                 -DSOURCE=${PROJECT_SOURCE_DIR} -DSANITIZED=${TRIAD_SANITIZE} -P ${CMAKE_CURRENT_LIST_DIR}/hostile.cmake)
set_tests_properties(cli.hostile_inputs PROPERTIES TIMEOUT 600)
set(H tests/data/hostile)
string(ASCII 27 ESC)
triad_cli_test_reject(hostile_escape_bytes 1 "escape_name.yaml:1:11: 'us\\\\x1b\\[2J\\\\x1b\\]0;owned\\\\x07' is not a valid player name"
  "${ESC}" validate ${H}/escape_name.yaml)
triad_cli_test(hostile_two_documents 1 "two_documents.yaml:2:1: a second YAML document" validate ${H}/two_documents.yaml)
triad_cli_test(hostile_cr_only 0 "cr_only.yaml: ok \\(2 players" validate ${H}/cr_only.yaml)
triad_cli_test(hostile_timeline_periods 1 "timeline_periods.yaml:3:3: the timeline has 1000000000000001 periods; at most 100000"
  validate ${H}/timeline_periods.yaml)
triad_cli_test(hostile_year_nan 1 "year_nan.yaml:3:33: expected a whole number for the year of a source, found '.nan'" validate ${H}/year_nan.yaml)
triad_cli_test(hostile_year_negative 1 "year_negative.yaml:3:33: the year of a source must be between 1000 and 2200, not -5"
  validate ${H}/year_negative.yaml)
triad_cli_test(hostile_nfg_duplicate_players 1 "duplicate_players.nfg:1:21: 'a' appears twice in the list of player names"
  validate ${H}/duplicate_players.nfg)
triad_cli_test(hostile_nfg_duplicate_strategies 1 "duplicate_strategies.nfg:1:35: 'x' appears twice in the strategy names of player 'a'"
  validate ${H}/duplicate_strategies.nfg)
triad_cli_test(hostile_extends_outside 1
  "extends_outside.yaml:1:10: extends names /etc/passwd, outside the folders a scenario may read .*--allow-path /etc"
  validate ${H}/extends_outside.yaml)
# Allowed, /etc/passwd is read but not a scenario; none of its content reaches the message.
triad_cli_test_reject(hostile_extends_allowed_not_echoed 1 "/etc/passwd:1:1: is not a scenario" "root:|/bin/" validate
  ${H}/extends_outside.yaml --allow-path /etc)
triad_cli_test(hostile_extends_device 1 "extends_device.yaml:1:10: .*dev/zero: is not a regular file" validate
  ${H}/extends_device.yaml --allow-path /dev)
triad_cli_test(hostile_allow_path_missing 2 "--allow-path /no/such/folder: no such folder" validate ${B} --allow-path /no/such/folder)
triad_cli_test(hostile_extends_cycle 1 "extends_cycle_b.yaml:1:10: extends 'extends_cycle_a.yaml' makes a cycle.*extends_cycle_a.yaml -> .*extends_cycle_b.yaml -> .*extends_cycle_a.yaml"
  validate ${H}/extends_cycle_a.yaml)
triad_cli_test_reject(hostile_huge_payoff 0 "a +1 +1e\\+308" "[0-9]{20}" solve ${H}/huge_payoff.nfg)
triad_cli_test(hostile_payoff_overflow 1
  "baseline.yaml:[0-9]+:[0-9]+: a payoff of russia is not a finite number: the partnership term is too large to add to the others \\(partnership.g.russia.(us|china) = 1.7e\\+308\\)"
  solve ${B} --set partnership.g.russia.china=1.7e308 --set partnership.g.russia.us=1.7e308)
triad_cli_test(hostile_axes_same_parameter 1 "the axes russia.regime_fear and regime_security.F.russia both set regime_security.F.russia"
  sweep ${B} -p russia.regime_fear=0:1:2 -p regime_security.F.russia=0:2:2 -q)
# The selected outcome costs far more than the pure equilibria: computed for scenarios (their
# selection: rule) and for .nfg games only when asked (issue 17).
triad_cli_test_reject(solve_nfg_no_selection 0 "1 pure equilibrium" "Selected outcome" solve tests/data/nfg_pd_names.nfg)
triad_cli_test(solve_nfg_select 0 "Selected outcome.*1 pure equilibrium" solve tests/data/nfg_pd_names.nfg --select)
triad_cli_test_reject(solve_scenario_no_select 0 "1 pure equilibrium" "Selected outcome" solve ${B} --no-select)
triad_cli_test(solve_nfg_json_no_selection 0 "\"selected\": null" solve tests/data/nfg_pd_names.nfg --format json)
triad_cli_test(solve_select_both 2 "give --select or --no-select, not both" solve ${B} --select --no-select)
# Found by fuzzing (tests/fuzz): a stray ',' made yaml-cpp produce empty documents forever.
triad_cli_test(hostile_fuzz_stray_comma 1 "fuzz_stray_comma.yaml:1:1: malformed YAML: the parser cannot read past this ','" validate ${H}/fuzz_stray_comma.yaml)
triad_cli_test(hostile_fuzz_comma_in_essay 1 "fuzz_comma_in_essay.yaml:2:1: malformed YAML: the parser cannot read past this ','" validate ${H}/fuzz_comma_in_essay.yaml)
triad_cli_test(hostile_fuzz_anchor 1 "fuzz_anchor.yaml:2:11: malformed YAML" validate ${H}/fuzz_anchor.yaml)
# No silent overrides (issue 13): a value a schedule would overwrite is refused, naming the schedule.
triad_cli_test(run_set_scheduled 1 "--set: players\\.power\\.us is set in every period by the schedule for players\\.power\\.us \\(scenarios/history\\.yaml:[0-9]+\\): a value from --set would be overwritten" run scenarios/history.yaml --set us.power=5)
triad_cli_test(explain_at_set_scheduled 1 "players\\.power\\.us is set in every period by the schedule" explain scenarios/history.yaml --at 1972 --set players.power.us=5)
triad_cli_test_reject(sweep_scheduled_axis 1 "history\\.yaml:[0-9]+:[0-9]+: a sweep varies players\\.power\\.us, but this schedule for players\\.power\\.us sets it in every period of the timeline: every row would be the same" "index," sweep scenarios/history.yaml --param players.power.us=1:5:3 --analysis timeline)
# A scheduled parameter may still be set for a stage-game sweep, where no schedule runs.
triad_cli_test(sweep_scheduled_axis_stage 0 "index,players\\.power\\.us,pure_count" sweep scenarios/history.yaml --param players.power.us=1:5:2 --analysis pure)
