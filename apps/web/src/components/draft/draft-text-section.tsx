import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui/card";
import { DraftLiveText } from "./editor/draft-live-text";

/** The draft's text fields, edited live (the editor's code loads with this section only). */
export function DraftTextSection(props: {
  draftId: string;
  user: { id: string; name: string };
  canEdit: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Text</CardTitle>
      </CardHeader>
      <CardContent>
        <DraftLiveText {...props} />
      </CardContent>
    </Card>
  );
}
