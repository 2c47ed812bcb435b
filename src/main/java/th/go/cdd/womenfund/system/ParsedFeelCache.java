package th.go.cdd.womenfund.system;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The engine's FEEL engine (feel-scala, as Camunda 7.24 configures it) with each expression parsed once.
 *
 * <p>Camunda's {@link ScalaFeelEngine} parses the text of every input entry and output entry at every evaluation
 * of a decision table: a loan application's screening (14 rules, 3 outputs each) parsed about a hundred small
 * expressions each time, 8.9% of the loan application's throughput run (docs/PERFORMANCE.md, section 2). The
 * texts come from the deployed tables, so there are few of them: here the parsed form is kept per text and only
 * evaluated, with the same contexts, value mappers and custom functions as the engine's own class. A text that does
 * not parse, or whose evaluation fails, goes through the engine's own path, so errors read as before. At most
 * {@link #MAX_ENTRIES} texts are kept per kind; beyond that, new texts are parsed each time as before.
 */
public final class ParsedFeelCache {

  static final int MAX_ENTRIES = 10_000;

  private ParsedFeelCache() {}

  /** Makes a DMN engine configuration use the caching FEEL engine (the engine's custom functions still apply). */
  public static DefaultDmnEngineConfiguration install(DefaultDmnEngineConfiguration dmn) {
    dmn.setFeelEngineFactory(new Factory(dmn));
    return dmn;
  }

  /**
   * Creates {@link Engine}s, as the engine's {@link ScalaFeelEngineFactory} creates its own, with the custom
   * function providers the configuration has when the DMN engine is built.
   */
  public static final class Factory extends ScalaFeelEngineFactory {

    private final DefaultDmnEngineConfiguration dmn;

    Factory(DefaultDmnEngineConfiguration dmn) {
      this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
      List<FeelCustomFunctionProvider> providers = dmn.getFeelCustomFunctionProviders();
      return new Engine(providers == null ? List.of() : providers);
    }
  }

  /** {@link ScalaFeelEngine} with parsed expressions and unary tests kept per text. */
  public static final class Engine extends ScalaFeelEngine {

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public Engine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // the engine's own signature
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
      if (parsed == null) {
        return super.evaluateSimpleExpression(expression, variableContext);
      }
      Either<org.camunda.feel.FeelEngine.Failure, Object> result = feelEngine.eval(parsed, new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new ContextVariableWrapper(variableContext);
        }
      });
      if (result instanceof Left) {
        return super.evaluateSimpleExpression(expression, variableContext);
      }
      return (T) result.toOption().get();
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
      if (parsed == null) {
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
      }
      VariableProvider input = new VariableProvider.StaticVariableProvider(
          new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
      VariableProvider variables = new ContextVariableWrapper(variableContext);
      Either<org.camunda.feel.FeelEngine.Failure, Object> result = feelEngine.eval(parsed, new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
        }
      });
      if (result instanceof Left) {
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
      }
      Object matched = result.toOption().get();
      return matched != null && (Boolean) matched;
    }

    /** Texts parsed so far (expressions and unary tests). */
    public int parsedTexts() {
      return expressions.size() + unaryTests.size();
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
        Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
      ParsedExpression known = cache.get(text);
      if (known != null) {
        return known;
      }
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> result = parse.apply(text);
      if (result instanceof Left) {
        return null;
      }
      ParsedExpression parsed = result.toOption().get();
      if (cache.size() < MAX_ENTRIES) {
        cache.putIfAbsent(text, parsed);
      }
      return parsed;
    }
  }
}
