// MPI mode of `triad sweep` (docs/cluster.md): only in a build with TRIAD_MPI=ON, and only
// under mpirun or srun with more than one rank. The program's other files see MPI through
// these declarations only.
#pragma once

#ifdef TRIAD_WITH_MPI
#include "triad/report/sweep_file.hpp"
#include "triad/scenario/loaded_game.hpp"
#include "triad/studies/sweep.hpp"

#include <cstddef>
#include <string>

namespace triad::cli {

struct MpiWorld {
    int rank = 0;
    int size = 1;
};

// This process's rank and the number of ranks (0 of 1 when MPI is not running).
[[nodiscard]] MpiWorld mpi_world();

// Rank r computes the r-th of world.size slices of points [first, last) and rank 0 writes the
// file a single process would write (see sweep_mpi.cpp). Collective: every rank calls it.
int run_sweep_mpi(const LoadedGame& loaded, const SweepSpec& spec, const SweepHeader& header, std::size_t first,
                  std::size_t last, const std::string& output, bool jsonl, int threads, std::size_t chunk, bool quiet,
                  const MpiWorld& world);

}  // namespace triad::cli
#endif  // TRIAD_WITH_MPI
