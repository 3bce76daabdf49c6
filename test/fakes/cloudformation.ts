/**
 * A local fake of the CloudFormation StackSet calls the AWS verify reader makes, for what moto
 * 5.2.1 does not implement: moto/cloudformation has no DetectStackSetDrift, no
 * ListStackInstanceResourceDrifts and no drift status on stack instances (checked in
 * moto/cloudformation/responses.py and models.py on this machine). Built from CloudFormation's
 * API model, boto/botocore botocore/data/cloudformation/2010-05-15/service-2.json (commit
 * cd9207757d459bba9c524475b601e59f55760a3a; the same operations and shapes as botocore 1.43.11
 * installed here): protocol `query` (a form-encoded POST with `Action`, answered in XML as
 * `<{Action}Response><{Action}Result>…`, lists as `<member>` items, errors as
 * `<ErrorResponse><Error><Code>`), the operations ListStackInstances, DescribeStackSet,
 * DetectStackSetDrift, DescribeStackSetOperation and ListStackInstanceResourceDrifts, the
 * shapes StackInstanceSummary (DriftStatus, LastDriftCheckTimestamp), StackSetOperation (Status
 * RUNNING | SUCCEEDED | …) and StackInstanceResourceDriftsSummary with PropertyDifference, and
 * the errors OperationInProgressException (409), StackSetNotFoundException (404) and
 * OperationNotFoundException (404). Listens on 127.0.0.1 only.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../../providers/http/read-body";
import { closeLoopback, listenOnLoopback } from "./loopback";

export interface FakePropertyDifference {
  PropertyPath: string;
  ExpectedValue: string;
  ActualValue: string;
  DifferenceType: "ADD" | "REMOVE" | "NOT_EQUAL";
}
/** What is really deployed in one account, against the template: found only by a drift detection. */
export interface FakeResourceDrift {
  LogicalResourceId: string;
  ResourceType: string;
  StackResourceDriftStatus: "MODIFIED" | "DELETED";
  PropertyDifferences?: FakePropertyDifference[];
}
export interface FakeStackInstance {
  account: string;
  region: string;
  ouId: string;
  status?: "CURRENT" | "OUTDATED" | "INOPERABLE";
  /** What the last detection found; NOT_CHECKED until one runs. */
  driftStatus?: "DRIFTED" | "IN_SYNC" | "NOT_CHECKED" | "UNKNOWN";
  lastDriftCheck?: Date;
  /** The truth a detection finds: none means in sync. */
  resourceDrifts?: FakeResourceDrift[];
}

const NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The query protocol's XML: objects as elements, arrays as `<member>` items, dates in ISO 8601. */
function xml(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${xml(item)}</member>`).join("");
  if (typeof value === "object") {
    return Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => `<${key}>${xml(inner)}</${key}>`)
      .join("");
  }
  return escape(String(value));
}

export class FakeCloudFormation {
  /** StackSet name → its deployment targets and instances. */
  readonly stackSets = new Map<string, { ouIds: string[]; instances: FakeStackInstance[] }>();
  /** Set while "another operation" runs: DetectStackSetDrift answers OperationInProgressException. */
  busy = false;
  /** DescribeStackSetOperation answers RUNNING this many times before the detection succeeds. */
  runningPolls = 0;
  readonly requests: { action: string; params: URLSearchParams }[] = [];
  private readonly operations = new Map<string, { stackSet: string; polls: number; done: boolean }>();
  private server?: Server;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => this.error(response, 500, "InternalFailure", String(error)));
    });
    this.url = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  private answer(response: ServerResponse, action: string, result: unknown): void {
    response.writeHead(200, { "content-type": "text/xml" });
    response.end(
      `<${action}Response xmlns="${NS}"><${action}Result>${xml(result)}</${action}Result>` +
        `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
    );
  }

  private error(response: ServerResponse, status: number, code: string, message: string): void {
    response.writeHead(status, { "content-type": "text/xml" });
    response.end(
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
        `<Message>${escape(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const params = new URLSearchParams(await readBody(request));
    const action = params.get("Action") ?? "";
    this.requests.push({ action, params });
    const name = params.get("StackSetName") ?? "";
    const stackSet = this.stackSets.get(name);
    if (!stackSet) return this.error(response, 404, "StackSetNotFoundException", `StackSet ${name} not found`);
    switch (action) {
      case "ListStackInstances":
        return this.answer(response, action, {
          Summaries: stackSet.instances.map((i) => ({
            StackSetId: `${name}:1`,
            Region: i.region,
            Account: i.account,
            StackId: `arn:aws:cloudformation:${i.region}:${i.account}:stack/StackSet-${name}/1`,
            Status: i.status ?? "CURRENT",
            StackInstanceStatus: { DetailedStatus: "SUCCEEDED" },
            OrganizationalUnitId: i.ouId,
            DriftStatus: i.driftStatus ?? "NOT_CHECKED",
            LastDriftCheckTimestamp: i.lastDriftCheck,
          })),
        });
      case "DescribeStackSet":
        return this.answer(response, action, {
          StackSet: {
            StackSetName: name,
            StackSetId: `${name}:1`,
            Status: "ACTIVE",
            PermissionModel: "SERVICE_MANAGED",
            OrganizationalUnitIds: stackSet.ouIds,
          },
        });
      case "DetectStackSetDrift": {
        if (this.busy) return this.error(response, 409, "OperationInProgressException", "Another Operation is running");
        const id = randomUUID();
        this.operations.set(id, { stackSet: name, polls: 0, done: false });
        return this.answer(response, action, { OperationId: id });
      }
      case "DescribeStackSetOperation":
        return this.describeOperation(response, name, params.get("OperationId") ?? "");
      case "ListStackInstanceResourceDrifts":
        return this.resourceDrifts(response, name, params);
      default:
        return this.error(response, 400, "InvalidAction", `the fake does not serve ${action}`);
    }
  }

  /** A detection finds each instance's drift once it has run `runningPolls` polls. */
  private describeOperation(response: ServerResponse, name: string, id: string): void {
    const operation = this.operations.get(id);
    if (!operation || operation.stackSet !== name)
      return this.error(response, 404, "OperationNotFoundException", `Operation ${id} not found`);
    operation.polls += 1;
    if (!operation.done && operation.polls > this.runningPolls) {
      operation.done = true;
      for (const instance of this.stackSets.get(name)!.instances) {
        instance.driftStatus = instance.resourceDrifts?.length ? "DRIFTED" : "IN_SYNC";
        instance.lastDriftCheck = new Date();
      }
    }
    this.answer(response, "DescribeStackSetOperation", {
      StackSetOperation: { OperationId: id, Action: "DETECT_DRIFT", Status: operation.done ? "SUCCEEDED" : "RUNNING" },
    });
  }

  private resourceDrifts(response: ServerResponse, name: string, params: URLSearchParams): void {
    const operation = this.operations.get(params.get("OperationId") ?? "");
    if (!operation?.done) return this.error(response, 404, "OperationNotFoundException", "Operation not found");
    const instance = this.stackSets
      .get(name)!
      .instances.find(
        (i) => i.account === params.get("StackInstanceAccount") && i.region === params.get("StackInstanceRegion"),
      );
    if (!instance) return this.error(response, 404, "StackInstanceNotFoundException", "Stack instance not found");
    const wanted = [...params.entries()]
      .filter(([key]) => key.startsWith("StackInstanceResourceDriftStatuses.member."))
      .map(([, v]) => v);
    this.answer(response, "ListStackInstanceResourceDrifts", {
      Summaries: (instance.resourceDrifts ?? [])
        .filter((d) => wanted.length === 0 || wanted.includes(d.StackResourceDriftStatus))
        .map((d) => ({
          StackId: `arn:aws:cloudformation:${instance.region}:${instance.account}:stack/StackSet-${name}/1`,
          LogicalResourceId: d.LogicalResourceId,
          PhysicalResourceId: d.LogicalResourceId,
          ResourceType: d.ResourceType,
          PropertyDifferences: d.PropertyDifferences,
          StackResourceDriftStatus: d.StackResourceDriftStatus,
          Timestamp: new Date(),
        })),
    });
  }
}
