package th.go.cdd.womenfund.document;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** clamd when {@code womenfund.documents.clamd} names it, else the built-in EICAR check. */
@Configuration
class ScannerConfiguration {

  @Bean
  @ConditionalOnMissingBean(VirusScanner.class)
  VirusScanner virusScanner(DocumentSettings settings) {
    return settings.clamd().configured() ? new ClamdScanner(settings.clamd()) : new EicarScanner();
  }
}
