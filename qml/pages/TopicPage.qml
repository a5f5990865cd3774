pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The pages of one topic that apply to the visitor's status and are in force today.
Item {
    id: root
    required property string topic

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        pictogram: root.topic
        text: Content.topicTitle(root.topic, Session.language)
        speech: Content.topicAudio(root.topic, Session.language)
    }

    ListView {
        id: list
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin - Theme.focusRingExtent }
        spacing: Theme.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // Every row exists, for the keys and speech mode to reach (a topic has a few pages).
        cacheBuffer: 100000
        // Room for the focus ring of the items at the edges.
        leftMargin: Theme.focusRingExtent; rightMargin: Theme.focusRingExtent
        topMargin: Theme.focusRingExtent; bottomMargin: Theme.focusRingExtent
        model: PageListModel {
            id: pages
            content: Content
            language: Session.language
            topic: root.topic
            status: Session.status
        }
        delegate: PictogramButton {
            required property string pageId
            required property string title
            required property string pictogram
            required property string audio
            objectName: "page_" + pageId
            width: ListView.view.width - 2 * Theme.focusRingExtent
            fillWidth: true
            pictogramName: pictogram
            text: title
            speech: audio
            spokenKind: "page"
            onClicked: Navigator.openPage(pageId)
        }
    }

    KioskText {
        anchors { top: title.bottom; left: parent.left; right: parent.right; margins: Theme.margin }
        visible: pages.count === 0
        //: Shown when no page of a topic applies to the chosen residence status
        text: qsTr("Nothing here applies to your paper. Please ask at the desk.")
    }
}
