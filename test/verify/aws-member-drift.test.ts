import { actionsIn, memberResourceDrift } from "../../verify/readers/aws-member-drift";

const ACCOUNT = "333344445555";
const CATALOG = new Set(["identitystore:DescribeGroup", "identitystore:DescribeUser"]);
const role = (PropertyDifferences: object[]) => ({
  LogicalResourceId: "Role",
  ResourceType: "AWS::IAM::Role",
  StackResourceDriftStatus: "MODIFIED",
  PropertyDifferences,
});
const lines = (resource: object) =>
  memberResourceDrift(ACCOUNT, resource, CATALOG, "w").map(
    (d) => `${d.change}${d.access ? ` (${d.access})` : ""}: ${d.subject}${d.detail ? ` (${d.detail})` : ""}`,
  );

describe("a member account's resource drift in verify's words", () => {
  test("a managed policy attached is extra at its level; one detached is missing", () => {
    const arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    const audit = "arn:aws:iam::aws:policy/SecurityAudit";
    expect(
      lines(
        role([
          { PropertyPath: "/ManagedPolicyArns/1", ExpectedValue: "null", ActualValue: arn, DifferenceType: "ADD" },
          { PropertyPath: "/ManagedPolicyArns/0", ExpectedValue: audit, ActualValue: "null", DifferenceType: "REMOVE" },
        ]),
      ),
    ).toEqual([
      `extra (read): aws-managed-policy ${arn} @ aws-account:${ACCOUNT}`,
      `missing: aws-managed-policy ${audit} @ aws-account:${ACCOUNT}`,
    ]);
  });

  test("a whole inline statement added: each action beyond the catalog, NotAction as admin", () => {
    const statement = JSON.stringify({
      Effect: "Allow",
      Action: ["identitystore:DescribeUser", "iam:PassRole"],
      NotAction: "kms:*",
      Resource: "*",
    });
    expect(
      lines(
        role([
          {
            PropertyPath: "/Policies/0/PolicyDocument/Statement/1",
            ExpectedValue: "null",
            ActualValue: statement,
            DifferenceType: "ADD",
          },
        ]),
      ),
    ).toEqual([
      `extra (write): aws-action iam:PassRole @ aws-account:${ACCOUNT}`,
      `extra (admin): aws-action NotAction kms:* @ aws-account:${ACCOUNT}`,
    ]);
  });

  test("a catalog action replaced by another: the new one extra, the catalog's missing", () => {
    expect(
      lines(
        role([
          {
            PropertyPath: "/Policies/0/PolicyDocument/Statement/0/Action/1",
            ExpectedValue: "identitystore:DescribeUser",
            ActualValue: "identitystore:DeleteUser",
            DifferenceType: "NOT_EQUAL",
          },
        ]),
      ),
    ).toEqual([
      `extra (write): aws-action identitystore:DeleteUser @ aws-account:${ACCOUNT}`,
      `missing: aws-action identitystore:DescribeUser @ aws-account:${ACCOUNT}`,
    ]);
  });

  test("anything else is a changed condition at write; a deleted role leaves the account without it", () => {
    expect(
      lines(
        role([
          {
            PropertyPath: "/MaxSessionDuration",
            ExpectedValue: "3600",
            ActualValue: "43200",
            DifferenceType: "NOT_EQUAL",
          },
        ]),
      ),
    ).toEqual([
      `condition changed (write): AWS::IAM::Role Role /MaxSessionDuration @ aws-account:${ACCOUNT} ` +
        "(NOT_EQUAL: expected 3600, deployed 43200)",
    ]);
    expect(
      lines({ LogicalResourceId: "Role", ResourceType: "AWS::IAM::Role", StackResourceDriftStatus: "DELETED" }),
    ).toEqual([`account without role: aws-account:${ACCOUNT} (AWS::IAM::Role Role deleted outside the stack)`]);
    expect(lines({ ...role([]), StackResourceDriftStatus: "IN_SYNC" })).toEqual([]);
  });

  test("actions are found by path or by key, in lists or alone", () => {
    expect(actionsIn("s3:GetObject", "/Policies/0/PolicyDocument/Statement/0/Action/3")).toEqual({
      actions: ["s3:GetObject"],
      notActions: [],
    });
    expect(actionsIn({ Statement: [{ Action: "a:B" }, { NotAction: ["c:D"] }] }, "/Policies/0/PolicyDocument")).toEqual(
      {
        actions: ["a:B"],
        notActions: ["c:D"],
      },
    );
  });
});
