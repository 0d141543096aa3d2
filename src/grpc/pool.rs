//! The bounded pool enrichment runs on, off the async reactor. A fixed number
//! of workers run at once; a bounded number of jobs may wait for one. Beyond
//! that the server sheds load with RESOURCE_EXHAUSTED instead of queueing
//! without bound.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::Status;

/// A bounded pool of blocking workers.
#[derive(Debug, Clone)]
pub struct WorkerPool {
    workers: Arc<Semaphore>,
    admission: Arc<Semaphore>,
}

impl WorkerPool {
    /// A pool of `workers` concurrent jobs with room for `queue` more waiting.
    pub fn new(workers: usize, queue: usize) -> Self {
        let workers = workers.max(1);
        WorkerPool {
            workers: Arc::new(Semaphore::new(workers)),
            admission: Arc::new(Semaphore::new(workers + queue)),
        }
    }

    /// Runs `job` on a worker, or sheds it at once when the pool and its queue
    /// are full.
    pub async fn run<T, F>(&self, deadline: Option<Instant>, job: F) -> Result<T, Status>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted = self
            .admission
            .clone()
            .try_acquire_owned()
            .map_err(|_| super::error::overloaded())?;
        self.run_admitted(Ok(admitted), deadline, job).await
    }

    /// Runs `job` on a worker, waiting for room in the queue instead of
    /// shedding: for streams, whose own in-flight bound applies back-pressure.
    pub async fn run_waiting<T, F>(&self, deadline: Option<Instant>, job: F) -> Result<T, Status>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted = until(deadline, self.admission.clone().acquire_owned()).await?;
        self.run_admitted(admitted, deadline, job).await
    }

    async fn run_admitted<T, F>(
        &self,
        admitted: Result<OwnedSemaphorePermit, tokio::sync::AcquireError>,
        deadline: Option<Instant>,
        job: F,
    ) -> Result<T, Status>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted = admitted.map_err(|e| super::error::internal(&e))?;
        let worker = until(deadline, self.workers.clone().acquire_owned())
            .await?
            .map_err(|e| super::error::internal(&e))?;
        tokio::task::spawn_blocking(move || {
            let _held = (admitted, worker);
            job()
        })
        .await
        .map_err(|e| super::error::internal(&e))
    }
}

async fn until<F: Future>(deadline: Option<Instant>, fut: F) -> Result<F::Output, Status> {
    match deadline {
        None => Ok(fut.await),
        Some(d) => tokio::time::timeout_at(d.into(), fut)
            .await
            .map_err(|_| Status::deadline_exceeded("deadline exceeded while waiting for a worker")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[tokio::test]
    async fn sheds_when_workers_and_queue_are_full() {
        let pool = WorkerPool::new(1, 0);
        let (release, wait) = mpsc::channel::<()>();
        let busy = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(None, move || wait.recv().is_ok()).await }
        });
        // Let the first job take the only worker.
        while pool.admission.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let shed = pool.run(None, || ()).await.expect_err("no room left");
        assert_eq!(shed.code(), tonic::Code::ResourceExhausted);
        let details = tonic_types::StatusExt::get_error_details(&shed);
        assert_eq!(
            details.retry_info().and_then(|r| r.retry_delay),
            Some(super::super::error::RETRY_AFTER)
        );
        release.send(()).expect("worker is waiting");
        assert!(busy.await.expect("joined").expect("ran"));
        assert!(pool.run(None, || 7).await.is_ok_and(|v| v == 7));
    }
}
