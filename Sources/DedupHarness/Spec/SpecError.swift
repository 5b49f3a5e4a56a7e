import DedupPipeline
import DedupFormats

/// A problem with a user's file (experiment spec, price table, `--set` argument), located precisely:
/// `FILE:LINE:COLUMN: KEY: got VALUE; expected WHAT` — the package's one located `InputError`.
public typealias SpecError = InputError
