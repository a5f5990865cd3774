import QtQuick
import QtQuick.Window
import Passerelle.Ui

Window {
    id: root
    width: 1920
    height: 1080
    title: "Passerelle"
    color: "black"

    KioskScreen {
        anchors.fill: parent
    }
}
