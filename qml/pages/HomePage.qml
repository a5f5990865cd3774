pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// The four topics as large pictogram tiles, and the visitor's residence paper.
Item {
    id: root

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        //: Home screen question above the four topics
        text: qsTr("What do you need?")
        labelId: "what-do-you-need"
    }

    // The tiles share the height left; when their labels need more (a long title in large
    // text on a short screen), they take it and the tiles scroll.
    Flickable {
        id: tiles
        objectName: "topicTiles"
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: statusButton.top; margins: Theme.margin - Theme.focusRingExtent }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        contentHeight: grid.height
        // Room for the focus ring of the items at the edges.
        leftMargin: Theme.focusRingExtent; rightMargin: Theme.focusRingExtent
        topMargin: Theme.focusRingExtent; bottomMargin: Theme.focusRingExtent

        Grid {
            id: grid
            width: tiles.width - 2 * Theme.focusRingExtent
            columns: 2
            spacing: Theme.gap
            readonly property int tileWidth: (width - spacing) / 2
            readonly property real tallestLabel: {
                let tallest = 0
                for (let i = 0; i < topics.count; ++i) {
                    const tile = topics.itemAt(i) as PictogramButton
                    if (tile)
                        tallest = Math.max(tallest, tile.labelHeight)
                }
                return tallest
            }
            readonly property int tileHeight: Math.max((tiles.height - 2 * Theme.focusRingExtent - spacing) / 2, tallestLabel + Theme.mm(12 + 3 + 2 * 3))

            Repeater {
                id: topics
                model: TopicListModel { content: Content; language: Session.language }
                delegate: PictogramButton {
                    required property string topicId
                    required property string title
                    required property string pictogram
                    required property string audio
                    objectName: "topic_" + topicId
                    width: grid.tileWidth
                    height: grid.tileHeight
                    stacked: true
                    // On a short screen the pictograms give way to the longest label, down to 12 mm.
                    pictogramSize: Math.max(Theme.mm(12), Math.min(Theme.tilePictogramSize, height - 2 * padding - Theme.mm(3) - grid.tallestLabel))
                    pictogramName: pictogram
                    text: title
                    speech: audio
                    spokenKind: "topic"
                    onClicked: Navigator.openTopic(topicId)
                }
            }
        }
    }

    PictogramButton {
        id: statusButton
        objectName: "statusButton"
        anchors { left: parent.left; bottom: parent.bottom; margins: Theme.margin }
        pictogramName: "unknown-paper"
        //: Button on the home screen: choose which residence document you hold
        text: qsTr("Which paper do you have?")
        labelId: "which-paper-do-you-have"
        onClicked: Navigator.openStatus()
    }
}
