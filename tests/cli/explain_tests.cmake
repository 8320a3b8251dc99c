# triad explain: payoffs split by driver (issue 13). Uses the functions of cli_tests.cmake.
set(EX_PD scenarios/examples/prisoners_dilemma.yaml)
triad_cli_test(help_explain 0 "Usage: triad explain FILE.*split by driver.*Examples:\n  triad explain scenarios/baseline\\.yaml\n.*--profile \\] arg.*--at TIME" explain --help)
# The prisoner's dilemma by hand: against cooperation, cooperating pays 3 and defecting 5.
triad_cli_test(explain_pd_profile 0 "Explaining the profile: \\(cooperate, cooperate\\).*row plays cooperate although defect pays more \\(3 against 5\\): against it table -2\n.*payoff +3\\.0000 +5\\.0000\n +table +3\\.0000 +5\\.0000" explain ${EX_PD} --profile row=cooperate,col=cooperate)
# The selected outcome is a distribution: defection nearly for sure, against which defecting
# pays 1 and cooperating about 0.
triad_cli_test(explain_pd_selected 0 "Explaining the selected outcome, by the rule stable.*most likely \\(defect, defect\\).*row plays defect \\(probability 0\\.99[0-9]*\\) over cooperate \\(1 against 0\\.000[0-9]*\\): table \\+1" explain ${EX_PD})
triad_cli_test_reject(explain_one_player 0 "russia plays " "(us|china) plays " explain ${B} --player russia)
triad_cli_test(explain_json 0 "\"content_hash\": \"${HEX16}\".*\"outcome\": \"the profile\".*\"pure\": true.*\"explanations\": \\[\n +\\{\n +\"player\": \"row\",\n +\"profile\": \\{\n +\"row\": \"cooperate\",\n +\"col\": \"defect\"\n +\\},\n +\"chosen\": \"cooperate\",\n +\"best_alternative\": \"defect\".*\"actions\": \\[.*\"action\": \"cooperate\",\n +\"probability\": 1,\n +\"payoff\": 0,\n +\"drivers\": \\{\n +\"table\": 0\n" explain ${EX_PD} --profile row=cooperate,col=defect --format json)
triad_cli_test(explain_csv 0 "# triad [0-9.]+ explain scenarios/examples/prisoners_dilemma\\.yaml content_hash=${HEX16}\n# the profile: \\(defect, cooperate\\)\nplayer,action,chosen,probability,payoff,component,contribution\nrow,cooperate,no,0,3,table,3\nrow,defect,yes,1,5,table,5\n" explain ${EX_PD} --profile row=defect,col=cooperate --format csv)
# Memory is split by stock: in 1969 of the lag scenario China's grievance against the US is
# what keeps it from opening to Washington.
triad_cli_test(explain_at_memory_stock 0 "seed 1\\).*Explaining the play of period 1969 of the timeline.*china plays alone over open_us .*memory \\(china\\.grievance\\.us\\) \\+[0-9.]+.*\n +memory \\(china\\.grievance\\.us\\) +0\\.0000 +-[0-9.]+" explain ${LAG} --at 1969 --player china)
triad_cli_test(explain_set_moves_payoffs 0 "\"content_hash\".*\"overrides\": \\[\n +\"russia\\.regime_fear=0\\.5\"" explain ${B} --set russia.regime_fear=0.5 --player russia --format json)
triad_cli_test(explain_at_no_period 1 "--at: no period of the timeline starts at 1969\\.5; the timeline runs from 1950 to 1980 in steps of 1" explain ${LAG} --at 1969.5)
triad_cli_test(explain_at_no_timeline 1 "baseline\\.yaml:[0-9]+:[0-9]+: the scenario has no 'timeline:' section" explain ${B} --at 2030)
triad_cli_test(explain_unknown_player 1 "--player: no player 'chna'; did you mean 'china'\\?" explain ${B} --player chna)
triad_cli_test(explain_profile_and_at 2 "give --profile or --at, not both" explain ${LAG} --at 1969 --profile us=open,russia=break_china,china=alone)
triad_cli_test(explain_seed_without_at 2 "--seed is for --at" explain ${B} --seed 3)
triad_cli_test(explain_nfg 1 "a \\.nfg game has no drivers to split its payoffs by" explain tests/data/nfg_pd_names.nfg)
triad_cli_test(explain_columns 0 "\\(7 more actions with lower payoffs" explain ${B} --player russia --columns 2)

# triad reach: the least change that gives a wanted outcome (issue 13).
triad_cli_test(help_reach 0 "Usage: triad reach FILE --want TARGET=VALUE.*sqrt\\(sum \\(\\(x - x0\\) / \\(HI - LO\\)\\)\\^2\\).*Examples:\n  triad reach scenarios/baseline\\.yaml" reach --help)
triad_cli_test(reach_found 0 "Wanted: russia\\.alignment!=china\nSearched: ambition\\.a\\.china\\.russia in \\[0, 4\\] \\(now 0\\.3\\), russia\\.regime_fear in \\[0, 4\\] \\(now 3\\).*Least change \\(distance 0\\.54[0-9]*\\): raise ambition\\.a\\.china\\.russia by 2\\.1[0-9]* \\(0\\.3 -> 2\\.4[0-9]*\\)\n  why: russia plays .*Check it: triad solve scenarios/baseline\\.yaml --set ambition\\.a\\.china\\.russia=2\\.4" reach ${B} --want russia.alignment!=china --over ambition.a.china.russia=0:4 --over russia.regime_fear=0:4)
triad_cli_test(reach_json 0 "\"want\": \\[\n +\"russia\\.alignment!=china\"\n +\\],\n +\"found\": true.*\"ranges\": \\{.*\"point\": \\{\n +\"ambition\\.a\\.china\\.russia\": 2\\.4[0-9]*,\n +\"russia\\.regime_fear\": 3\n +\\},\n +\"distance\": 0\\.54.*\"changes\": \\{\n +\"ambition\\.a\\.china\\.russia\": 2\\.1[0-9]*\n +\\}.*\"alternatives\": \\[" reach ${B} --want russia.alignment!=china --over ambition.a.china.russia=0:4 --over russia.regime_fear=0:4 --format json)
triad_cli_test(reach_unreachable 0 "Not reachable within these ranges: no point searched gives russia\\.alignment=us\\.\nClosest: russia\\.alignment us with probability [0-9.e-]+, at " reach ${B} --want russia.alignment=us --over ambition.a.russia.us=0:3 --over partnership.g.russia.us=0:4)
triad_cli_test(reach_already 0 "Already so at the scenario's own values: nothing needs to change" reach ${B} --want russia.alignment=china --over wedge.rho=0:1)
triad_cli_test(reach_bad_target 1 "--want:1:1: unknown expectation target 'russia\\.alignmnt'; did you mean 'russia\\.alignment'" reach ${B} --want russia.alignmnt=us --over wedge.rho=0:1)
triad_cli_test(reach_range_excludes_start 1 "--over: wedge\\.rho is 0\\.3, which the range \\[0\\.5, 1\\] must contain" reach ${B} --want russia.alignment=us --over wedge.rho=0.5:1)
triad_cli_test(reach_no_want 1 "--want: name a target" reach ${B} --over wedge.rho=0:1)
triad_cli_test(reach_csv 2 "reach has table and json forms only" reach ${B} --want russia.alignment=us --format csv)
