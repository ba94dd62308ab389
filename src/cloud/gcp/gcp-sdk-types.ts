/**
 * The client-library message types the adapter reads and writes, under short names. Only types
 * are imported: nothing here loads a library at run time.
 */
import type { protos as ComputeProtos } from '@google-cloud/compute';
import type { protos as FunctionsProtos } from '@google-cloud/functions';
import type { protos as LoggingProtos } from '@google-cloud/logging-api';
import type { protos as MonitoringProtos } from '@google-cloud/monitoring';
import type { protos as SqlProtos } from '@google-cloud/sql';

/** A Compute Engine instance (`compute#instance`). */
export type ComputeInstance = ComputeProtos.google.cloud.compute.v1.IInstance;
/** A Compute Engine persistent disk (`compute#disk`). */
export type ComputeDisk = ComputeProtos.google.cloud.compute.v1.IDisk;
/** `instances.aggregatedList` request. */
export type AggregatedListInstancesRequest =
  ComputeProtos.google.cloud.compute.v1.IAggregatedListInstancesRequest;
/** `instances.aggregatedList` page. */
export type InstanceAggregatedList = ComputeProtos.google.cloud.compute.v1.IInstanceAggregatedList;
/** `disks.aggregatedList` request. */
export type AggregatedListDisksRequest = ComputeProtos.google.cloud.compute.v1.IAggregatedListDisksRequest;
/** `disks.aggregatedList` page. */
export type DiskAggregatedList = ComputeProtos.google.cloud.compute.v1.IDiskAggregatedList;

/** A Cloud Functions v2 function. */
export type CloudFunction = FunctionsProtos.google.cloud.functions.v2.IFunction;
/** `functions.list` request. */
export type ListFunctionsRequest = FunctionsProtos.google.cloud.functions.v2.IListFunctionsRequest;
/** `functions.list` page. */
export type ListFunctionsResponse = FunctionsProtos.google.cloud.functions.v2.IListFunctionsResponse;

/** A Cloud SQL instance. */
export type SqlInstance = SqlProtos.google.cloud.sql.v1.IDatabaseInstance;
/** Cloud SQL `instances.list` request. */
export type SqlInstancesListRequest = SqlProtos.google.cloud.sql.v1.ISqlInstancesListRequest;
/** Cloud SQL `instances.list` page. */
export type SqlInstancesListResponse = SqlProtos.google.cloud.sql.v1.IInstancesListResponse;

/** `timeSeries.list` request. */
export type ListTimeSeriesRequest = MonitoringProtos.google.monitoring.v3.IListTimeSeriesRequest;
/** `timeSeries.list` page. */
export type ListTimeSeriesResponse = MonitoringProtos.google.monitoring.v3.IListTimeSeriesResponse;
/** One time series. */
export type TimeSeries = MonitoringProtos.google.monitoring.v3.ITimeSeries;

/** A log entry as the Logging GAPIC decodes it. */
export type LogEntryMessage = LoggingProtos.google.logging.v2.ILogEntry;
/** `entries.list` request. */
export type ListLogEntriesRequest = LoggingProtos.google.logging.v2.IListLogEntriesRequest;
/** `logs.list` request. */
export type ListLogsRequest = LoggingProtos.google.logging.v2.IListLogsRequest;
/** `logs.list` page. */
export type ListLogsResponse = LoggingProtos.google.logging.v2.IListLogsResponse;
