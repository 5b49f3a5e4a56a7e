# S3 storage cost (USD/month) vs records per run — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-cost-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-cost-vs-scale.svg'
set title 'S3 storage cost (USD/month) vs records per run — scale'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run'
set logscale x 10
set xrange [8695.652173913044:1150000]
set xtics ('10k' 10000, '100k' 100000, '1M' 1000000)
set ylabel 'S3 storage cost (USD/month)'
set logscale y 10
set yrange [2e-05:0.005]
set ytics ('$0.00002' 2e-05, '$0.00005' 5e-05, '$0.0001' 0.0001, '$0.0002' 0.0002, '$0.0005' 0.0005, '$0.001' 0.001, '$0.002' 0.002, '$0.005' 0.005)
set label 'bronze_append · records per run 10k: $0.0000279' at 10000, 2.78914e-05 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: $0.000278' at 100000, 0.0002781248 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: $0.00278' at 1000000, 0.0027804582 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: $0.0000254' at 10000, 2.53638e-05 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: $0.000253' at 100000, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: $0.00253' at 1000000, 0.0025276972 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-cost-vs-scale.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge'
unset output
