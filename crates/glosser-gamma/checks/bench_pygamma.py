"""Times pygamma-agreement's compute_gamma (defaults: combined dissimilarity, statistical sampler,
30 samples) on the benchmark document of examples/bench_document.rs, read as JSON on stdin."""

import json
import logging
import sys
import time

import cvxopt
import numpy as np
from pyannote.core import Segment
from pygamma_agreement import Continuum

logging.disable(logging.WARNING)
cvxopt.glpk.options["msg_lev"] = "GLP_MSG_OFF"

doc = json.load(sys.stdin)
continuum = Continuum()
for annotator in doc["annotators"]:
    continuum.add_annotator(annotator)
for u in doc["units"]:
    continuum.add(u["annotator"], Segment(u["start"], u["end"]), u["category"])
np.random.seed(0)
continuum.compute_gamma()  # warm up numba's compilation
started = time.time()
result = continuum.compute_gamma()
print(f"pygamma: {continuum.num_annotators} annotators, {continuum.num_units} units: gamma {result.gamma:.4f}, "
      f"gamma-cat {result.gamma_cat:.4f}; {time.time() - started:.1f} s (30 samples)")
