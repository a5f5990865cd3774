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
    Component.onCompleted: Narrator.say([title.speech])

    GridView {
        id: grid
        anchors { top: title.bottom; left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // Large text: two columns of taller cells, and the list scrolls.
        cellWidth: width / (Theme.large ? 2 : 3)
        cellHeight: Theme.touchTarget * (Theme.large ? 3.4 : 2) + Theme.gap
        model: StatusListModel { content: Content; language: Session.language }
        delegate: Item {
            id: cell
            required property string statusId
            required property string title
            required property string hint
            required property string pictogram
            required property string audio
            width: GridView.view.cellWidth
            height: GridView.view.cellHeight
            PictogramButton {
                objectName: "status_" + cell.statusId
                anchors { fill: parent; rightMargin: Theme.gap; bottomMargin: Theme.gap }
                pictogramName: cell.pictogram
                fillWidth: true
                text: cell.title
                detail: cell.hint
                speech: cell.audio
                checked: cell.statusId === Session.status
                onClicked: {
                    Session.status = cell.statusId
                    Navigator.home()
                }
            }
        }
    }
}
