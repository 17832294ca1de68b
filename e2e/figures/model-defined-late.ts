// The figure's module first, then the model's (a module file: the pages' security policy refuses inline scripts).
import '../../components/lp-cost-surface';
import '../../components/lp-model';
