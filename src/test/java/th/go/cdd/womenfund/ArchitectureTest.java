package th.go.cdd.womenfund;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import th.go.cdd.womenfund.security.AccountLocksController;
import th.go.cdd.womenfund.security.AccountRules;
import th.go.cdd.womenfund.security.AuthorizedGroupLookup;
import th.go.cdd.womenfund.security.CamundaWebappSessionBridge;
import th.go.cdd.womenfund.security.GuardedIdentityProvider;
import th.go.cdd.womenfund.security.LdapDirectory;
import th.go.cdd.womenfund.security.NationalIdsMaskedInHistory;
import th.go.cdd.womenfund.security.ProvinceTaskVisibility;
import th.go.cdd.womenfund.security.RestApiSecurity;
import th.go.cdd.womenfund.security.StepGuard;
import th.go.cdd.womenfund.security.StepGuardPlugin;
import th.go.cdd.womenfund.security.WebSecurity;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.FormJsonValues;
import th.go.cdd.womenfund.system.HistoryCleanupWindow;
import th.go.cdd.womenfund.system.health.JobExecutorHealth;

/**
 * The capability boundaries, checked by the build (issue 12). Each top-level package under {@code
 * th.go.cdd.womenfund} is one business capability (see docs/ARCHITECTURE.md); these rules read the
 * compiled main classes and fail {@code ./mvnw verify} when one crosses a boundary.
 */
@AnalyzeClasses(
    packages = "th.go.cdd.womenfund",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "th.go.cdd.womenfund";

  /** The profiles a demo bean may load in: the demo itself and the tests, never production. */
  private static final Set<String> DEMO_PROFILES = Set.of("demo", "test");

  /** No two capabilities lean on each other, directly or round a ring. */
  @ArchTest
  static final ArchRule capabilitiesAreFreeOfCycles =
      slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles();

  /** Demo data is a leaf: production code never reaches into it. */
  @ArchTest
  static final ArchRule nobodyUsesDemo =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".demo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".demo..")
          .because("demo fixtures load only in the demo (and test) profile");

  /** Every bean of demo is kept out of the production context by its profile. */
  @ArchTest
  static final ArchRule demoBeansOnlyInDemoProfile =
      classes()
          .that()
          .resideInAPackage(ROOT + ".demo..")
          .and()
          .areMetaAnnotatedWith(Component.class)
          .should(loadOnlyIn(DEMO_PROFILES))
          .because("demo data must never load in production");

  /** system is the shared kernel (pages, dates, money, errors): it knows no capability. */
  @ArchTest
  static final ArchRule systemDependsOnNoCapability =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".system..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".approval..",
              ROOT + ".area..",
              ROOT + ".budget..",
              ROOT + ".demo..",
              ROOT + ".document..",
              ROOT + ".fieldvisit..",
              ROOT + ".holiday..",
              ROOT + ".loan..",
              ROOT + ".meeting..",
              ROOT + ".member..",
              ROOT + ".membership..",
              ROOT + ".occupation..",
              ROOT + ".notification..",
              ROOT + ".onboarding..",
              ROOT + ".overdue..",
              ROOT + ".provisioning..",
              ROOT + ".repayment..",
              ROOT + ".reporting..",
              ROOT + ".restructuring..",
              ROOT + ".riskcover..",
              ROOT + ".security..",
              ROOT + ".subsidy..");

  /** App-wide error mapping (ApiErrors, ThaiPages) belongs to system, not to one capability. */
  @ArchTest
  static final ArchRule controllerAdviceLivesInSystem =
      classes()
          .that()
          .areMetaAnnotatedWith(ControllerAdvice.class)
          .should()
          .resideInAPackage(ROOT + ".system..");

  /**
   * The only main classes that may use the engine's internal ({@code ..impl..}) packages, each for
   * a reason listed in docs/ARCHITECTURE.md ("Internal engine APIs we use"). A new use fails here
   * until it is listed there and here.
   */
  static final Class<?>[] ENGINE_INTERNALS_ALLOWED = {
    AccountLocksController.class,
    AccountRules.class,
    AuthorizedGroupLookup.class,
    CamundaWebappSessionBridge.class,
    GuardedIdentityProvider.class,
    NationalIdsMaskedInHistory.class,
    ProvinceTaskVisibility.class,
    RestApiSecurity.class,
    StepGuard.class,
    StepGuardPlugin.class,
    WebSecurity.class,
    EngineClock.class,
    JobExecutorHealth.class,
    LdapDirectory.class,
    HistoryCleanupWindow.class,
    FormJsonValues.class
  };

  /**
   * Internal engine packages only where listed. {@code impl.identity.Authentication} is not
   * counted: it is the type the public {@code
   * IdentityService.getCurrentAuthentication()/setAuthentication(..)} hand out.
   */
  @ArchTest
  static final ArchRule engineInternalsOnlyWhereListed =
      noClasses()
          .that(
              DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(ENGINE_INTERNALS_ALLOWED)))
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are in an org.camunda ..impl.. package",
                  (JavaClass c) ->
                      c.getPackageName().startsWith("org.camunda.")
                          && (c.getPackageName().contains(".impl.")
                              || c.getPackageName().endsWith(".impl"))
                          && !c.isEquivalentTo(Authentication.class)))
          .because(
              "engine internals change without notice and break on other builds of the engine;"
                  + " list a needed one in docs/ARCHITECTURE.md");

  private static ArchCondition<JavaClass> loadOnlyIn(Set<String> allowed) {
    return new ArchCondition<>("be annotated with @Profile naming only " + allowed) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        List<String> profiles =
            c.tryGetAnnotationOfType(Profile.class).map(p -> List.of(p.value())).orElse(List.of());
        boolean ok = !profiles.isEmpty() && allowed.containsAll(profiles);
        events.add(
            new SimpleConditionEvent(
                c,
                ok,
                c.getName()
                    + (ok ? " loads only in " : " loads in production: @Profile is ")
                    + profiles));
      }
    };
  }
}
