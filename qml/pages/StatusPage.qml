pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// "Which paper do you have?": each residence status by the document its holder carries.
Item {
    id: root

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        pictogram: "unknown-paper"
        //: Title of the screen where the visitor shows which residence document they hold
        text: qsTr("Which paper do you have?")
        labelId: "which-paper-do-you-have"
    }

    // The question is asked aloud as the screen opens: the visitor has just touched their
    // language, and the drawings alone do not say what is asked.
    // In speech mode the screen is announced with the rest (SpeechMode).
    Component.onCompleted: if (!SpeechMode.active) Narrator.say([title.speech])

    // As many columns as fit cells of 130 mm (175 mm in large text); each row as tall as
    // its longest title and hint, and the list scrolls.
    Flickable {
        id: list
        objectName: "statusList"
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin - Theme.focusRingExtent }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        contentHeight: grid.height
        // Room for the focus ring of the items at the edges.
        leftMargin: Theme.focusRingExtent; rightMargin: Theme.focusRingExtent
        topMargin: Theme.focusRingExtent; bottomMargin: Theme.focusRingExtent
        readonly property int columns: Math.max(1, Math.floor((width + Theme.gap) / (Theme.mm(Theme.large ? 175 : 130) + Theme.gap)))

        Grid {
            id: grid
            width: list.width - 2 * Theme.focusRingExtent
            columns: list.columns
            spacing: Theme.gap

            Repeater {
                model: StatusListModel { content: Content; language: Session.language }
                delegate: PictogramButton {
                    id: cell
                    required property string statusId
                    required property string title
                    required property string hint
                    required property string pictogram
                    required property string audio
                    objectName: "status_" + cell.statusId
                    width: (grid.width - (grid.columns - 1) * grid.spacing) / grid.columns
                    height: Math.max(Theme.touchTarget * 2, implicitHeight)
                    pictogramName: cell.pictogram
                    fillWidth: true
                    text: cell.title
                    detail: cell.hint
                    speech: cell.audio
                    spokenKind: "paper"
                    checked: cell.statusId === Session.status
                    onClicked: Navigator.chooseStatus(cell.statusId)
                }
            }
        }
    }
}
