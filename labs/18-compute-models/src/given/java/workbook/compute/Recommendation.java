package workbook.compute;

import java.util.List;
import java.util.Map;

/**
 * Task 5's answer.
 *
 * @param model        the model chosen
 * @param monthlyCost  what each model that was not ruled out would cost a month, in dollars
 * @param reasons      every reason that applied, in the order the rules are checked, ending with the choice's
 */
public record Recommendation(Model model, Map<Model, Double> monthlyCost, List<Reason> reasons) {

    public Recommendation {
        monthlyCost = Map.copyOf(monthlyCost);
        reasons = List.copyOf(reasons);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(model.toString());
        for (Reason reason : reasons) {
            text.append("; ").append(reason.explanation());
        }
        return text.append("; monthly: ").append(monthlyCost).toString();
    }
}
