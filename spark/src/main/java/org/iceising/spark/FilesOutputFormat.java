package org.iceising.spark;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitter;

/**
 * Writes whole files: each record is (path below the output folder, content). The files go to the
 * task attempt's work folder of Hadoop's file output committer, so they reach the output folder only
 * when the task is committed and the job commits (algorithm 1: at the end, with {@code _SUCCESS});
 * a failed attempt's files are thrown away with the attempt, and a killed job leaves only
 * {@code _temporary}.
 */
public final class FilesOutputFormat extends FileOutputFormat<String, byte[]> {
    @Override
    public RecordWriter<String, byte[]> getRecordWriter(TaskAttemptContext context) throws IOException {
        Path work = ((PathOutputCommitter) getOutputCommitter(context)).getWorkPath();
        FileSystem fs = work.getFileSystem(context.getConfiguration());
        return new RecordWriter<>() {
            @Override
            public void write(String relative, byte[] content) throws IOException {
                try (FSDataOutputStream out = fs.create(new Path(work, relative), false)) {
                    out.write(content);
                }
            }

            @Override
            public void close(TaskAttemptContext ignored) {
                // each file is closed as soon as it is written
            }
        };
    }
}
