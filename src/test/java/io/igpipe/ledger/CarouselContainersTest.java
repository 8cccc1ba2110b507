package io.igpipe.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The order a carousel is built in: create every child, upload, read each once per pass, parent last. */
class CarouselContainersTest {

    private final CarouselContainers carousels = new CarouselContainers(null, null, null);

    @Test
    void childrenWithoutAContainerAreCreatedFirst() {
        CarouselContainers.Build build = new CarouselContainers.Build(List.of(
                child(1, "c1", "FINISHED", null), child(2, null, null, null)));
        assertThat(carousels.next(build)).isTrue();
        assertThat(build.getStep()).isEqualTo(CarouselContainers.Step.CREATE_CHILD);
        assertThat(build.getCurrent().getPosition()).isEqualTo(2);
    }

    @Test
    void aResumableChildIsUploadedBeforeAnyStatusIsRead() {
        CarouselContainers.Build build = new CarouselContainers.Build(List.of(
                child(1, "c1", "IN_PROGRESS", null), child(2, "c2", "IN_PROGRESS", "https://rupload/c2")));
        assertThat(carousels.next(build)).isTrue();
        assertThat(build.getStep()).isEqualTo(CarouselContainers.Step.UPLOAD_CHILD);
        assertThat(build.getCurrent().getPosition()).isEqualTo(2);
    }

    @Test
    void theParentComesOnlyWhenEveryChildIsFinished() {
        CarouselContainers.Build waiting = new CarouselContainers.Build(List.of(
                child(1, "c1", "FINISHED", null), child(2, "c2", "IN_PROGRESS", null)));
        assertThat(carousels.next(waiting)).isTrue();
        assertThat(waiting.getStep()).isEqualTo(CarouselContainers.Step.CHECK_CHILD);
        assertThat(waiting.getCurrent().getPosition()).isEqualTo(2);

        CarouselContainers.Build ready = new CarouselContainers.Build(List.of(
                child(1, "c1", "FINISHED", null), child(2, "c2", "FINISHED", null)));
        assertThat(carousels.next(ready)).isFalse();
        assertThat(ready.getStep()).isEqualTo(CarouselContainers.Step.CREATE_PARENT);
    }

    private static PostItem child(int position, String containerId, String status, String uploadUri) {
        PostItem item = new PostItem();
        item.setPosition(position);
        item.setMediaType("IMAGE");
        item.setContainerId(containerId);
        item.setContainerStatus(status);
        item.setUploadUri(uploadUri);
        return item;
    }
}
