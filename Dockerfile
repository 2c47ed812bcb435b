# womenfund: build the Spring Boot jar with Maven, run it on a JRE as a non-root user.

# --- build stage ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first, so this layer is reused while only the sources change
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY processes ./processes
COPY forms ./forms
RUN mvn -B -DskipTests package

# --- run stage ---
FROM eclipse-temurin:17-jre
RUN groupadd --system womenfund \
 && useradd --system --gid womenfund --home-dir /app --shell /usr/sbin/nologin womenfund \
 && mkdir -p /app \
 && chown womenfund:womenfund /app
WORKDIR /app
COPY --from=build --chown=womenfund:womenfund /build/target/womenfund-*.jar /app/app.jar
USER womenfund
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
