/**
 * The page relays between its frame and its other tabs: what the frame says that the other tabs must
 * hear, and how a tab's news reaches this page's frame.
 */
import { FRAME_TO_PAGE, PAGE_TO_FRAME, TAB_TO_TAB, type FrameToPageMessage, type PageToFrameMessage, type TabMessage } from "../protocol/messages";

export function frameToTabs(message: FrameToPageMessage): TabMessage | null {
  switch (message.type) {
    case FRAME_TO_PAGE.session:
      return { type: TAB_TO_TAB.session, session: message.session, contact: message.contact };
    case FRAME_TO_PAGE.forget:
      return { type: TAB_TO_TAB.logout };
    case FRAME_TO_PAGE.refreshing:
      return { type: TAB_TO_TAB.refreshing, forMs: message.forMs };
    default:
      return null;
  }
}

export function tabToFrame(message: TabMessage): PageToFrameMessage {
  switch (message.type) {
    case TAB_TO_TAB.session:
      return { type: PAGE_TO_FRAME.peerSession, session: message.session, contact: message.contact };
    case TAB_TO_TAB.logout:
      return { type: PAGE_TO_FRAME.peerLogout };
    case TAB_TO_TAB.refreshing:
      return { type: PAGE_TO_FRAME.peerRefreshing, forMs: message.forMs };
  }
}
