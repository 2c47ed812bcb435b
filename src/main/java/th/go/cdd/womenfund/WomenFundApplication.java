package th.go.cdd.womenfund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ระบบงานกองทุนพัฒนาบทบาทสตรี: Camunda 7 on Spring Boot. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WomenFundApplication {

  public static void main(String[] args) {
    SpringApplication.run(WomenFundApplication.class, args);
  }
}
