// The page's entry: registering the root element pulls in every other one.
import '../components/lp-playground';
