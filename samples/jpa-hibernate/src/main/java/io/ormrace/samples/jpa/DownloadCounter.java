package io.ormrace.samples.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many times a file was downloaded; versioned through {@link VersionedEntity}. */
@Entity
@Table(name = "download_counter")
public class DownloadCounter extends VersionedEntity {

    @Id
    @Column(name = "file_id", length = 100)
    private String fileId;

    @Column(nullable = false)
    private long downloads;

    protected DownloadCounter() {
    }

    public DownloadCounter(String fileId) {
        this.fileId = fileId;
    }

    public String getFileId() {
        return fileId;
    }

    public long getDownloads() {
        return downloads;
    }

    public void setDownloads(long downloads) {
        this.downloads = downloads;
    }
}
