// Every figure element, each usable on its own: the test page's only script.
import '../../components/lp-logistic-figure';
import '../../components/lp-log-odds-figure';
import '../../components/lp-logistic-derivative-figure';
import '../../components/lp-likelihood-figure';
import '../../components/lp-cross-entropy-figure';
import '../../components/lp-cross-entropy-gradient-figure';
import '../../components/lp-model-diagram';
import '../../components/lp-tex';
import '../../components/lp-model';
import '../../components/lp-cost-surface';
import '../../components/lp-readout';
