package io.igpipe.ledger;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.igpipe.graph.GraphApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds a carousel's child containers before its parent (graph-api.md section 10, pitfalls 1 and 6): each child
 * is created, uploaded when resumable, and read until FINISHED; only then is the parent created. A child that lands
 * in ERROR or EXPIRED is rebuilt alone, once; the other children keep their containers. Every step is recorded in
 * {@code post_item}, so a crash resumes with the children already built.
 */
@Component("carouselContainers")
public class CarouselContainers {

    /** Rebuilds of one child before its failure fails the carousel. */
    static final int MAX_CHILD_REBUILDS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CarouselContainers.class);

    /** What the build does next: one Graph call per step, decided afresh after each. */
    public enum Step { CREATE_CHILD, UPLOAD_CHILD, CHECK_CHILD, CREATE_PARENT, WAIT }

    /** One pass over a carousel's children within one dispatch of the post. */
    public static final class Build {
        private final List<PostItem> items;
        private final Set<Integer> checked = new HashSet<>();
        private PostItem current;
        private Step step;

        Build(List<PostItem> items) {
            this.items = items;
        }

        public List<PostItem> getItems() { return items; }
        public PostItem getCurrent() { return current; }
        public Step getStep() { return step; }
    }

    private final PostRecords records;
    private final PostLifecycle lifecycle;
    private final NamedParameterJdbcTemplate jdbc;

    public CarouselContainers(PostRecords records, PostLifecycle lifecycle, NamedParameterJdbcTemplate jdbc) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    public Build start(Post post) {
        return new Build(records.itemsOf(post));
    }

    /** Decides the next step; true while there is a child to work on in this pass. */
    public boolean next(Build build) {
        build.current = null;
        for (PostItem item : build.items) {
            if (item.getContainerId() == null) {
                return step(build, Step.CREATE_CHILD, item);
            }
        }
        for (PostItem item : build.items) {
            if (item.getUploadUri() != null && item.getUploadedAt() == null) {
                return step(build, Step.UPLOAD_CHILD, item);
            }
        }
        for (PostItem item : build.items) {
            if (!"FINISHED".equals(item.getContainerStatus()) && !build.checked.contains(item.getPosition())) {
                return step(build, Step.CHECK_CHILD, item);
            }
        }
        boolean allFinished = build.items.stream().allMatch(item -> "FINISHED".equals(item.getContainerStatus()));
        build.step = allFinished ? Step.CREATE_PARENT : Step.WAIT;
        return false;
    }

    private static boolean step(Build build, Step step, PostItem item) {
        build.step = step;
        build.current = item;
        return true;
    }

    public void childCreated(Post post, Build build, Map<String, Object> answer) {
        PostItem item = build.current;
        item.setContainerId(String.valueOf(answer.get("id")));
        item.setUploadUri(answer.get("uri") == null ? null : String.valueOf(answer.get("uri")));
        item.setUploadedAt(null);
        item.setContainerStatus("IN_PROGRESS");
        item.setContainerPolls(0);
        item.setContainerCreatedAt(lifecycle.now());
        records.save(item);
        jdbc.update(SqlFiles.load("item/record-child-creation.sql"), new MapSqlParameterSource()
                .addValue("containerId", item.getContainerId()).addValue("account", post.getAccount())
                .addValue("postId", post.getId()).addValue("createdAt", item.getContainerCreatedAt()));
    }

    public void childUploaded(Build build) {
        build.current.setUploadedAt(lifecycle.now());
        records.save(build.current);
    }

    /** Records a child's status; a child Instagram could not use is rebuilt alone, or fails the carousel. */
    public void childStatus(Post post, Build build, Map<String, Object> answer) {
        PostItem item = build.current;
        build.checked.add(item.getPosition());
        String status = String.valueOf(answer.get("status_code"));
        item.setContainerPolls(item.getContainerPolls() + 1);
        item.setContainerStatus(status);
        if ("FINISHED".equals(status)) {
            item.setContainerFinishedAt(lifecycle.now());
        } else if ("ERROR".equals(status) || "EXPIRED".equals(status)) {
            String detail = answer.get("status") == null ? null : String.valueOf(answer.get("status"));
            String failedContainer = item.getContainerId();
            item.setErrorMessage(detail);
            item.setContainerId(null);
            item.setContainerStatus(null);
            item.setUploadUri(null);
            if (item.getContainerBuilds() >= MAX_CHILD_REBUILDS) {
                // the post's own failure routing decides now (re-optimize, rebuild or dead-letter)
                records.save(item);
                throw GraphApiException.containerUnusable(failedContainer, status, detail);
            }
            LOG.warn("Post {}: carousel child {} ({}) container {} is {} ({}); rebuilding that child alone",
                    post.getId(), item.getPosition(), item.getOriginalName(), failedContainer, status, detail);
            item.setContainerBuilds(item.getContainerBuilds() + 1);
        }
        records.save(item);
    }

    /**
     * Reading a child's status found it gone (expired, or unknown to Instagram): the same as a child in ERROR, it is
     * rebuilt alone, once.
     */
    public void childGone(Post post, Build build, GraphApiException gone) {
        childStatus(post, build, Map.of("status_code", "EXPIRED", "status", gone.getMessage()));
    }

    /** The carousel is rebuilt as a whole: every child gets a new container. */
    public void forgetChildren(Post post) {
        for (PostItem item : records.itemsOf(post)) {
            item.setContainerId(null);
            item.setContainerStatus(null);
            item.setContainerPolls(0);
            item.setUploadUri(null);
            item.setUploadedAt(null);
            records.save(item);
        }
    }

    /** Every child was read in this pass and some are still processing: read them again after the poll interval. */
    public void waitForChildren(Post post) {
        lifecycle.containerStillProcessing(post);
    }
}
