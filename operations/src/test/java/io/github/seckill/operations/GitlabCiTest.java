package io.github.seckill.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** .gitlab-ci.yml: stages, jobs in existing stages, the README's test command, images, a manual deploy of tags. */
@SuppressWarnings("unchecked")
class GitlabCiTest {

    private static final Set<String> KEYWORDS = Set.of("stages", "variables", "default", "workflow", "include",
            "image", "services", "cache", "before_script", "after_script");
    private final Map<String, Object> ci = OpsFiles.yaml(OpsFiles.resolve(".gitlab-ci.yml"));

    private Map<String, Map<String, Object>> jobs() {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        ci.forEach((name, body) -> {
            if (!KEYWORDS.contains(name) && !name.startsWith(".")) {
                jobs.put(name, (Map<String, Object>) body);
            }
        });
        return jobs;
    }

    @Test
    void fourStagesEachWithAJobAndEveryJobInADeclaredStage() {
        List<String> stages = (List<String>) ci.get("stages");
        assertThat(stages).containsExactly("build", "test", "image", "deploy");
        assertThat(jobs()).allSatisfy((name, job) -> assertThat(stages).as(name).contains((String) job.get("stage")));
        assertThat(jobs().values().stream().map(j -> j.get("stage")).distinct()).containsExactlyElementsOf(stages);
        assertThat(jobs()).allSatisfy((name, job) -> assertThat((List<String>) job.get("script")).as(name).isNotEmpty());
    }

    @Test
    void testJobRunsTheReadmeCommandAgainstMySqlAndRedisServices() {
        Map<String, Object> test = jobs().get("test");
        assertThat((List<String>) test.get("script")).containsExactly("./mvnw $MAVEN_CLI verify");
        assertThat(((List<Map<String, String>>) test.get("services")).stream().map(s -> s.get("name")))
                .anyMatch(n -> n.startsWith("mysql:8")).anyMatch(n -> n.startsWith("redis:"));
        assertThat((Map<String, Object>) test.get("variables")).containsEntry("SECKILL_TEST_MYSQL", "mysql:3306")
                .containsEntry("SECKILL_TEST_REDIS", "redis:6379");
        assertThat(String.join("\n", (List<String>) test.get("before_script"))).contains("install", "prometheus");
    }

    @Test
    void imagesArePushedByJibToTheProjectRegistryTaggedWithTheCommit() {
        String script = String.join("\n", (List<String>) jobs().get("images").get("script"));
        assertThat(script).contains("jib:build", "-Dimage.registry=$CI_REGISTRY_IMAGE",
                "-Dimage.commit=$CI_COMMIT_SHORT_SHA");
    }

    @Test
    void deployIsManualAndOnlyForTags() {
        Map<String, Object> deploy = jobs().get("deploy");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) deploy.get("rules");
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat((String) rule.get("if")).contains("$CI_COMMIT_TAG");
            assertThat(rule).containsEntry("when", "manual");
        });
        assertThat(deploy).doesNotContainKeys("only", "except");
        assertThat(String.join("\n", (List<String>) deploy.get("script"))).contains("docker stack deploy",
                "-c stack.yaml");
        assertThat((Map<String, Object>) deploy.get("variables")).containsEntry("SECKILL_REGISTRY", "$CI_REGISTRY_IMAGE")
                .containsEntry("SECKILL_VERSION", "$CI_COMMIT_SHORT_SHA");
    }

    @Test
    void theMavenRepositoryIsCached() {
        Map<String, Object> cache = (Map<String, Object>) ((Map<String, Object>) ci.get("default")).get("cache");
        assertThat((List<String>) cache.get("paths")).containsExactly(".m2/repository");
        assertThat((String) ((Map<String, Object>) ci.get("variables")).get("MAVEN_OPTS"))
                .isEqualTo("-Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository");
    }
}
