"""The demo agency: a realistic synthetic world to try, evaluate and benchmark Vouch on.

    vouch demo seed [--seed 7] [--freelancers 2000] [--trust-signal default|none] [--reset]
                    [--keep-existing] [--bulk] [--truth PATH] [--today YYYY-MM-DD]

Python API (stable; the offline evaluation builds on it):

- `demo.world.generate(WorldConfig(...)) -> World`: the whole world as plain data, by key
  (`demo.model` documents every field); deterministic for a seed, dates relative to `today`.
- `demo.effects.outcome_rates(world)`: the planted trust effect measured on generated outcomes.
- `demo.seed.seed(url, config, reset=..., truth_path=..., bulk=...) -> SeedReport`: store it
  (`report.ids` maps world keys to database ids; the same mapping is in the truth file).
- `demo.truth.truth_document(world, ids)`: the hidden truth as written to
  `$VOUCH_DATA_DIR/demo-truth-<seed>.json` (quality, fit of every reviewed pair, voucher reach,
  the clique, ids). Nothing under `services/` reads it.
"""
