package io.github.jkmod.testsupport;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables a test annotated {@link RequiresOracle} when this JVM compares with another oracle. */
public final class OracleCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        Optional<RequiresOracle> needs = element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresOracle.class));
        if (needs.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @RequiresOracle");
        }
        Oracle current = Oracle.current();
        if (needs.get().value() == current) {
            return ConditionEvaluationResult.enabled("oracle " + current);
        }
        return ConditionEvaluationResult.disabled("only against " + needs.get().value().id() + " (jkmod.oracle="
                + current.id() + "): " + needs.get().reason());
    }
}
