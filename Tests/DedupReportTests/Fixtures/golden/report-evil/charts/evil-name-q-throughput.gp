# throughput (records/s) — evil ‘name‘ | 'q'
# Written by dedupbench report. Regenerate from this directory: gnuplot evil-name-q-throughput.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'evil-name-q-throughput.svg'
set title 'throughput (records/s) — evil ‘name‘ | ''q'''
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.75 border -1
set boxwidth 0.6
set xrange [-0.6:1.6]
set xtics ('plain' 0, 'x‘touch /tmp/dedupbench-pwned‘''" | system("id") @m' 1) rotate by -30
set ylabel 'throughput (records/s)'
set yrange [0:800000]
set ytics ('0' 0, '200k' 200000, '400k' 400000, '600k' 600000, '800k' 800000)
set label 'plain: 705k [95% CI 690k–720k]' at 0, 705314.15 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'x‘touch /tmp/dedupbench-pwned‘''" | system("id") @m: 707k [95% CI 707k–707k]' at 1, 707026.8 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'evil-name-q-throughput.dat' using 1:2 with boxes lc rgb '#4477aa' notitle, \
     '' using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 title '95% CI'
unset output
